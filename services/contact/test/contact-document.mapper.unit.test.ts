import { decideCreate, decideDelete } from '../src/domain/contact-decisions';
import { toContact, toDocumentState } from '../src/store/contact-document.mapper';
import { anInheritedAddress } from './support/contact-fixture';

const ID = '01900000-0000-7000-8000-000000000001';

describe('contact document mapping', () => {
  const { contact } = decideCreate(
    {
      tenantId: 't',
      kind: 'person',
      fields: {
        person: { firstName: 'Jane', lastName: 'Smith' },
        emails: [{ address: 'jane@example.org' }],
        phones: [{ number: '+1 555 0101', type: 'mobile' }],
        tags: ['donor'],
        source: 'import',
      },
    },
    { id: ID, now: '2026-01-01T00:00:00.000Z' },
  );

  it('round-trips a live contact, storing deletedAt as null', () => {
    const doc = toDocumentState(contact);

    expect(doc.deletedAt).toBeNull();
    expect(doc._id).toBe(ID);
    expect(toContact(doc)).toEqual(contact);
  });

  it('round-trips a deleted contact', () => {
    const deleted = decideDelete(
      contact,
      { id: ID, tenantId: 't', expectedVersion: 1 },
      '2026-01-02T00:00:00.000Z',
    ).contact;

    expect(toContact(toDocumentState(deleted))).toEqual(deleted);
  });

  it('round-trips an inherited household address', () => {
    const withHousehold = {
      ...contact,
      householdAddress: anInheritedAddress({ valid: false }),
    };

    expect(toContact(toDocumentState(withHousehold))).toEqual(withHousehold);
    expect(toContact(toDocumentState(contact))).not.toHaveProperty('householdAddress');
  });

  it('drops nulls and empty strings a document may hold in sub-objects', () => {
    const doc = {
      ...toDocumentState(contact),
      person: { firstName: 'Jane', lastName: 'Smith', middleName: '', prefix: null } as never,
    };

    expect(toContact(doc).person).toEqual({ firstName: 'Jane', lastName: 'Smith' });
  });
});
