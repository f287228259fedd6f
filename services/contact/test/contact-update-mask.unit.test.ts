import type { ContactFields } from '../src/domain/contact';
import { ContactError } from '../src/domain/contact-error';
import { applyUpdateMask, parseUpdateMask } from '../src/domain/contact-update-mask';

function fieldErrorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContactError) return err.fieldErrors.map((e) => e.message);
    throw err;
  }
  return [];
}

describe('parseUpdateMask', () => {
  it('accepts snake_case and camelCase and answers camelCase', () => {
    expect(
      parseUpdateMask(['person.first_name', 'person.lastName', 'owner_id', 'tags'], 'person'),
    ).toEqual(['person.firstName', 'person.lastName', 'ownerId', 'tags']);
  });

  it('drops duplicate paths', () => {
    expect(parseUpdateMask(['emails', 'emails'], 'person')).toEqual(['emails']);
  });

  it('accepts organization paths for an organization', () => {
    expect(parseUpdateMask(['organization.organization_type'], 'organization')).toEqual([
      'organization.organizationType',
    ]);
  });

  it('refuses an unknown path', () => {
    expect(fieldErrorsOf(() => parseUpdateMask(['person.nickname'], 'person'))).toEqual([
      'unknown field "person.nickname"',
    ]);
  });

  it('refuses an empty mask', () => {
    expect(fieldErrorsOf(() => parseUpdateMask([], 'person'))).toHaveLength(1);
  });

  it('refuses paths of the other kind of contact', () => {
    expect(fieldErrorsOf(() => parseUpdateMask(['organization.name'], 'person'))).toEqual([
      '"organization.name" does not apply to a person',
    ]);
    expect(fieldErrorsOf(() => parseUpdateMask(['person'], 'organization'))).toEqual([
      '"person" does not apply to an organization',
    ]);
  });
});

describe('applyUpdateMask', () => {
  const current: ContactFields = {
    person: { firstName: 'Jane', lastName: 'Smith' },
    emails: [{ address: 'jane@example.org', type: 'home', primary: true, valid: true }],
    phones: [
      { number: '555 0101', normalized: '5550101', type: 'home', primary: true, valid: false },
    ],
    addresses: [],
    tags: ['donor'],
    source: 'import',
    deceased: false,
    doNotContact: false,
    customFields: {},
  };

  it('replaces one name part and keeps the others', () => {
    const next = applyUpdateMask(current, { person: { firstName: 'Janet' } }, ['person.firstName']);

    expect(next.person).toEqual({ firstName: 'Janet', lastName: 'Smith' });
  });

  it('replaces the whole name for the path person', () => {
    const next = applyUpdateMask(current, { person: { lastName: 'Doe' } }, ['person']);

    expect(next.person).toEqual({ lastName: 'Doe' });
  });

  it('clears a masked field the patch leaves out', () => {
    const next = applyUpdateMask(current, {}, ['source', 'tags']);

    expect(next.source).toBeUndefined();
    expect(next.tags).toEqual([]);
  });

  it('leaves unmasked fields as they were', () => {
    const next = applyUpdateMask(current, { emails: [], source: 'web' }, ['tags']);

    expect(next.emails).toEqual([
      { address: 'jane@example.org', type: 'home', primary: true, valid: true },
    ]);
    expect(next.phones).toEqual([
      { number: '555 0101', type: 'home', primary: true, valid: false },
    ]);
    expect(next.source).toBe('import');
  });
});

describe('update masks for personal fields, addresses and flags', () => {
  it('accepts personal fields for a person and refuses them for an organization', () => {
    expect(parseUpdateMask(['birth_date', 'deceased', 'do_not_contact'], 'person')).toEqual([
      'birthDate',
      'deceased',
      'doNotContact',
    ]);
    expect(fieldErrorsOf(() => parseUpdateMask(['pronouns'], 'organization'))).toEqual([
      '"pronouns" does not apply to an organization',
    ]);
  });

  it('replaces addresses whole and clears them when the patch has none', () => {
    const withAddress: ContactFields = {
      emails: [],
      phones: [],
      tags: [],
      deceased: false,
      doNotContact: false,
      customFields: {},
      addresses: [
        {
          type: 'home' as const,
          primary: true,
          line1: '1 Main St',
          countryCode: 'US',
          valid: true,
        },
      ],
    };

    expect(applyUpdateMask(withAddress, {}, ['addresses']).addresses).toEqual([]);
    expect(applyUpdateMask(withAddress, {}, ['tags']).addresses).toEqual(withAddress.addresses);
  });
});
