import {
  deriveDisplayName,
  deriveSearchNames,
  normalizeSearchText,
} from '../src/domain/contact-name.util';

describe('normalizeSearchText', () => {
  it.each([
    ['  Jane   Smith ', 'jane smith'],
    ['Zoë', 'zoe'],
    ['José Álvarez', 'jose alvarez'],
    ['Øster Straße', 'oster strasse'],
    ['Łukasz', 'lukasz'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['ＪＡＮＥ', 'jane'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe('deriveDisplayName', () => {
  it('joins first and last name for a person', () => {
    expect(deriveDisplayName('person', { firstName: 'Jane', lastName: 'Smith' }, undefined)).toBe(
      'Jane Smith',
    );
  });

  it('prefers the preferred name over the first name', () => {
    const person = { firstName: 'Robert', preferredName: 'Bob', lastName: 'Jones' };
    expect(deriveDisplayName('person', person, undefined)).toBe('Bob Jones');
  });

  it('uses the last name alone when a person has no first name', () => {
    expect(deriveDisplayName('person', { prefix: 'Dr', lastName: 'Who' }, undefined)).toBe('Who');
  });

  it('uses the name of an organization', () => {
    expect(deriveDisplayName('organization', undefined, { name: 'Acme Trust' })).toBe('Acme Trust');
  });
});

describe('deriveSearchNames', () => {
  it('lists display, first, last, preferred and organization names normalized and distinct', () => {
    const names = deriveSearchNames(
      'Zoë Smith',
      { firstName: 'Zoë', lastName: 'Smith', preferredName: 'zoe' },
      undefined,
    );

    expect(names).toEqual(['zoe smith', 'zoe', 'smith']);
  });

  it('lists the organization name for an organization', () => {
    expect(deriveSearchNames('Café Crème', undefined, { name: 'Café Crème' })).toEqual([
      'cafe creme',
    ]);
  });
});
