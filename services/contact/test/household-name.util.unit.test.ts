import type { HouseholdMember } from '../src/domain/household';
import { generateHouseholdNames, joinNames } from '../src/domain/household-name.util';

const T0 = '2026-01-01T10:00:00.000Z';

function member(
  firstName: string | undefined,
  lastName: string | undefined,
  extra: Partial<HouseholdMember> = {},
): HouseholdMember {
  return {
    contactId: `c-${firstName ?? ''}-${lastName ?? ''}`,
    role: 'adult',
    inheritsAddress: true,
    joinedAt: T0,
    contactVersion: 1,
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
    ...extra,
  };
}

describe('joinNames', () => {
  it.each([
    [[], ''],
    [['Jane'], 'Jane'],
    [['Jane', 'John'], 'Jane and John'],
    [['Jane', 'John', 'Ann'], 'Jane, John and Ann'],
  ])('joins %j as "%s"', (names, expected) => {
    expect(joinNames(names)).toBe(expected);
  });
});

describe('generated household names', () => {
  it('names one adult by full name and greets them by first name', () => {
    expect(generateHouseholdNames([member('Jane', 'Smith')])).toEqual({
      name: 'Jane Smith',
      greeting: 'Jane',
    });
  });

  it('groups two adults who share a last name', () => {
    expect(generateHouseholdNames([member('Jane', 'Smith'), member('John', 'Smith')])).toEqual({
      name: 'Jane and John Smith',
      greeting: 'Jane and John',
    });
  });

  it('keeps two adults with different last names apart in the formal name', () => {
    expect(generateHouseholdNames([member('Jane', 'Smith'), member('John', 'Doe')])).toEqual({
      name: 'Jane Smith and John Doe',
      greeting: 'Jane and John',
    });
  });

  it('lists three adults with one last name with commas', () => {
    const members = [member('Jane', 'Smith'), member('John', 'Smith'), member('Ann', 'Smith')];

    expect(generateHouseholdNames(members)).toEqual({
      name: 'Jane, John and Ann Smith',
      greeting: 'Jane, John and Ann',
    });
  });

  it('groups mixed last names in order of first appearance', () => {
    const members = [member('Jane', 'Smith'), member('Ann', 'Doe'), member('John', 'Smith')];

    expect(generateHouseholdNames(members).name).toBe('Jane and John Smith and Ann Doe');
  });

  it('names the household after adults only when there are children too', () => {
    const members = [member('Jane', 'Smith'), member('Tim', 'Smith', { role: 'child' })];

    expect(generateHouseholdNames(members)).toEqual({ name: 'Jane Smith', greeting: 'Jane' });
  });

  it('ignores members who left', () => {
    const members = [member('Jane', 'Smith'), member('John', 'Smith', { leftAt: T0 })];

    expect(generateHouseholdNames(members)).toEqual({ name: 'Jane Smith', greeting: 'Jane' });
  });

  it('addresses the family, not the children, when no adult is left', () => {
    const members = [
      member('Jane', 'Smith', { leftAt: T0 }),
      member('Tim', 'Smith', { role: 'child' }),
      member('Tom', 'Smith', { role: 'child' }),
    ];

    expect(generateHouseholdNames(members)).toEqual({
      name: 'The Smith Household',
      greeting: 'The Smith Family',
    });
  });

  it('names every family of children with different last names', () => {
    const members = [
      member('Tim', 'Smith', { role: 'child' }),
      member('Kay', 'Doe', { role: 'child' }),
    ];

    expect(generateHouseholdNames(members).name).toBe('The Smith and Doe Household');
  });

  it('falls back to the children’s first names when they have no last name', () => {
    const members = [member('Tim', undefined, { role: 'child' })];

    expect(generateHouseholdNames(members)).toEqual({ name: 'Tim', greeting: 'Tim' });
  });

  it('calls a household without named members "Unnamed Household"', () => {
    expect(generateHouseholdNames([])).toEqual({
      name: 'Unnamed Household',
      greeting: 'Friends',
    });
  });

  it('uses the last name alone for an adult without a first name', () => {
    const members = [member(undefined, 'Smith'), member('John', 'Doe')];

    expect(generateHouseholdNames(members)).toEqual({
      name: 'Smith and John Doe',
      greeting: 'Smith and John',
    });
  });

  it('uses the first name alone for an adult without a last name', () => {
    const members = [member('Cher', undefined), member('John', 'Doe')];

    expect(generateHouseholdNames(members)).toEqual({
      name: 'Cher and John Doe',
      greeting: 'Cher and John',
    });
  });

  it('greets two adults with the same first name by both', () => {
    const members = [member('Alex', 'Smith'), member('Alex', 'Doe')];

    expect(generateHouseholdNames(members).greeting).toBe('Alex and Alex');
  });
});

describe('generated household names after a death', () => {
  it('leaves a deceased adult out while a living adult remains', () => {
    const members = [member('Jane', 'Smith'), member('John', 'Smith', { deceased: true })];

    expect(generateHouseholdNames(members)).toEqual({ name: 'Jane Smith', greeting: 'Jane' });
  });

  it('addresses the family when the only adult died and children live there', () => {
    const members = [
      member('Jane', 'Smith', { deceased: true }),
      member('Tim', 'Smith', { role: 'child' }),
    ];

    expect(generateHouseholdNames(members)).toEqual({
      name: 'The Smith Household',
      greeting: 'The Smith Family',
    });
  });

  it('keeps naming the household after its members when every one of them died', () => {
    const members = [
      member('Jane', 'Smith', { deceased: true }),
      member('John', 'Smith', { deceased: true }),
    ];

    expect(generateHouseholdNames(members)).toEqual({
      name: 'Jane and John Smith',
      greeting: 'Jane and John',
    });
  });

  it('does not count a living member who left as one who remains', () => {
    const members = [
      member('Jane', 'Smith', { deceased: true }),
      member('John', 'Smith', { leftAt: T0 }),
    ];

    expect(generateHouseholdNames(members)).toEqual({ name: 'Jane Smith', greeting: 'Jane' });
  });
});
