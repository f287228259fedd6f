// A complete domain Contact for unit tests, so a new field of the aggregate is added here once
// rather than in every test that needs a contact.
import type { Contact, HouseholdAddress } from '../../src/domain/contact';

export function aContact(overrides: Partial<Contact> & Pick<Contact, 'id' | 'tenantId'>): Contact {
  return {
    kind: 'person',
    version: 1,
    displayName: overrides.id,
    searchNames: [],
    emails: [],
    phones: [],
    addresses: [],
    tags: [],
    deceased: false,
    doNotContact: false,
    customFields: {},
    communication: {},
    consentHistory: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The mailing address of household h-1 as a member inherits it: 1 Main St, US, valid. */
export function anInheritedAddress(address: { valid?: boolean } = {}): HouseholdAddress {
  return {
    householdId: 'h-1',
    address: {
      type: 'home',
      primary: true,
      line1: '1 Main St',
      countryCode: 'US',
      valid: address.valid ?? true,
    },
  };
}
