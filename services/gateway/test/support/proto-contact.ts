// A contact as the gateway receives it from the contact service (proto3 defaults filled),
// for tests of the REST and CSV mappings: Ada Lovelace, a person, unless overridden.
import type { contactV1 } from '@kith/contracts';

export function protoContact(
  overrides: Partial<contactV1.Contact__Output> = {},
  fields: Partial<contactV1.ContactFields__Output> = {},
): contactV1.Contact__Output {
  return {
    id: 'c-1',
    tenantId: 't',
    kind: 'CONTACT_KIND_PERSON',
    version: '3',
    fields: {
      person: {
        prefix: '',
        firstName: 'Ada',
        middleName: '',
        lastName: 'Lovelace',
        suffix: '',
        preferredName: '',
      },
      organization: null,
      emails: [{ address: 'a@example.org', type: 'work', primary: true, valid: true }],
      phones: [],
      addresses: [],
      tags: ['donor'],
      source: '',
      ownerId: 'u-1',
      birthDate: '',
      gender: '',
      pronouns: '',
      deceased: false,
      deceasedDate: '',
      doNotContact: false,
      customFieldsJson: '',
      ...fields,
    },
    communication: [],
    reachability: [],
    householdAddress: null,
    displayName: 'Ada Lovelace',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    deletedAt: '',
    ...overrides,
  };
}
