// Stored document <-> domain Contact. Optional fields are left out rather than set to
// undefined or null, so domain equality checks and event snapshots stay clean.
import type { Contact, OrganizationProfile, PersonName } from '../domain/contact';
import { deriveSearchKeys, deriveSearchPrefixes } from '../domain/contact-search';
import type { ContactDocument } from './contact.model';

type StateFields = Omit<ContactDocument, '_outboxLog'>;

export function toContact(doc: StateFields): Contact {
  const contact: Contact = {
    id: doc._id,
    tenantId: doc.tenantId,
    kind: doc.kind,
    version: doc.version,
    displayName: doc.displayName,
    searchNames: [...(doc.searchNames ?? [])],
    // `valid` and the fields after it are absent on documents older than them.
    emails: (doc.emails ?? []).map(({ address, type, primary, valid }) => ({
      address,
      type,
      primary,
      valid: valid !== false,
    })),
    phones: (doc.phones ?? []).map(({ number, normalized, type, primary, valid }) => ({
      number,
      normalized,
      type,
      primary,
      valid: valid !== false,
    })),
    addresses: (doc.addresses ?? []).map((address) => ({ ...address })),
    tags: [...(doc.tags ?? [])],
    deceased: doc.deceased === true,
    doNotContact: doc.doNotContact === true,
    customFields: { ...(doc.customFields ?? {}) },
    communication: { ...(doc.communication ?? {}) },
    consentHistory: [...(doc.consentHistory ?? [])],
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  const person = doc.person && withoutEmpty<PersonName>(doc.person);
  if (person && Object.keys(person).length > 0) contact.person = person;
  const organization = doc.organization && withoutEmpty<OrganizationProfile>(doc.organization);
  if (organization?.name) contact.organization = organization;
  if (doc.source) contact.source = doc.source;
  if (doc.ownerId) contact.ownerId = doc.ownerId;
  if (doc.birthDate) contact.birthDate = doc.birthDate;
  if (doc.gender) contact.gender = doc.gender;
  if (doc.pronouns) contact.pronouns = doc.pronouns;
  if (doc.deceasedDate) contact.deceasedDate = doc.deceasedDate;
  if (doc.deletedAt) contact.deletedAt = doc.deletedAt;
  if (doc.erasedAt) contact.erasedAt = doc.erasedAt;
  if (doc.mergedInto) contact.mergedInto = doc.mergedInto;
  if (doc.mergedFrom?.length) contact.mergedFrom = [...doc.mergedFrom];
  if (doc.householdAddress) {
    contact.householdAddress = {
      householdId: doc.householdAddress.householdId,
      address: { ...doc.householdAddress.address },
    };
  }
  return contact;
}

/** The state part of a document: what an insert writes and an update $sets. */
export function toDocumentState(contact: Contact): StateFields {
  const searchKeys = deriveSearchKeys(contact);
  const doc: StateFields = {
    _id: contact.id,
    tenantId: contact.tenantId,
    kind: contact.kind,
    version: contact.version,
    displayName: contact.displayName,
    searchNames: contact.searchNames,
    searchKeys,
    searchPrefixes: deriveSearchPrefixes(searchKeys),
    emails: contact.emails,
    phones: contact.phones,
    addresses: contact.addresses,
    tags: contact.tags,
    deceased: contact.deceased,
    doNotContact: contact.doNotContact,
    customFields: contact.customFields,
    communication: contact.communication,
    consentHistory: contact.consentHistory,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    deletedAt: contact.deletedAt ?? null,
  };
  if (contact.person) doc.person = contact.person;
  if (contact.organization) doc.organization = contact.organization;
  if (contact.source) doc.source = contact.source;
  if (contact.ownerId) doc.ownerId = contact.ownerId;
  if (contact.birthDate) doc.birthDate = contact.birthDate;
  if (contact.gender) doc.gender = contact.gender;
  if (contact.pronouns) doc.pronouns = contact.pronouns;
  if (contact.deceasedDate) doc.deceasedDate = contact.deceasedDate;
  if (contact.erasedAt) doc.erasedAt = contact.erasedAt;
  if (contact.mergedInto) doc.mergedInto = contact.mergedInto;
  if (contact.mergedFrom) doc.mergedFrom = contact.mergedFrom;
  if (contact.householdAddress) doc.householdAddress = contact.householdAddress;
  return doc;
}

/** Optional top-level fields an update must $unset when the new state lacks them. */
export const OPTIONAL_STATE_FIELDS = [
  'person',
  'organization',
  'source',
  'ownerId',
  'birthDate',
  'gender',
  'pronouns',
  'deceasedDate',
  'householdAddress',
] as const;

function withoutEmpty<T extends object>(value: object): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}
