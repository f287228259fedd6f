// GDPR erasure of a person (art. 17), as a pure decision. Like CiviCRM's anonymisation and
// Salesforce's data-privacy "forget me", the record is anonymised rather than removed: the id
// stays, so donations, interactions and aggregates elsewhere keep a key with no identity
// behind it. What stays is only what identifies nobody and what the law needs kept:
//  - id, tenant, kind, createdAt, the version (moves on) and the lifecycle times;
//  - a suppression record: doNotContact, and per channel the *fact* of an opt-out (channel,
//    status, when) without the wording, campaign or recorder, so a later re-import of the
//    same address by someone else cannot silently re-subscribe a person who objected.
// Everything else (names, emails, phones, addresses, dates, gender, pronouns, tags, source,
// owner, custom field values, consent statements and opt-ins) is removed. An erased contact
// is also deleted (deletedAt), so every existing reader, list and writer treats it as gone.
import type { Contact } from './contact';
import { ContactError, ContactErrorCode } from './contact-error';
import { applyConsentRecord, type CommunicationPreferences, type ConsentRecord } from './consent';

/** The display name an erased person carries wherever a name is shown. */
export const ERASED_DISPLAY_NAME = 'Erased contact';

/** The fields an erasure empties, for the audit entry (names only, never values). */
export const ERASED_FIELDS = [
  'displayName',
  'person',
  'emails',
  'phones',
  'addresses',
  'tags',
  'source',
  'ownerId',
  'birthDate',
  'gender',
  'pronouns',
  'deceased',
  'deceasedDate',
  'customFields',
  'consentHistory',
  'householdAddress',
] as const;

export interface EraseContactCommand {
  id: string;
  tenantId: string;
  /** Who asks (JWT sub); the only identity the erasure event carries. */
  actorId?: string;
  /** When given, must be the stored version; absent = erase whatever is current. */
  expectedVersion?: number;
}

export interface EraseDecision {
  contact: Contact;
  /** False when the contact was erased before: nothing to write, no second event. */
  erased: boolean;
}

/**
 * The anonymised contact. Idempotent: an erased contact answers itself unchanged with
 * `erased: false`, whatever version the caller expected (the outcome they want holds).
 */
export function decideErase(
  current: Contact | undefined,
  command: EraseContactCommand,
  now: string,
): EraseDecision {
  if (!current || current.tenantId !== command.tenantId || current.id !== command.id) {
    throw ContactError.notFound(command.id);
  }
  if (current.erasedAt) return { contact: current, erased: false };
  if (current.kind !== 'person') {
    throw new ContactError(
      ContactErrorCode.FAILED_PRECONDITION,
      `contact ${command.id} is an organization: erasure applies to persons, the data subjects`,
    );
  }
  const expected = command.expectedVersion;
  if (expected !== undefined && expected !== 0 && expected !== current.version) {
    throw ContactError.versionConflict(command.id, expected, current.version);
  }
  // Spread first so fields added to the aggregate later (e.g. a merge pointer) survive; every
  // field that can hold personal data is then set below or dropped by withoutPersonalFields.
  const suppressions = suppressionRecords(current.consentHistory);
  const contact: Contact = {
    ...withoutPersonalFields(current),
    version: current.version + 1,
    displayName: ERASED_DISPLAY_NAME,
    searchNames: [],
    emails: [],
    phones: [],
    addresses: [],
    tags: [],
    deceased: false,
    doNotContact: true,
    // Custom field values are free-form personal data.
    customFields: {},
    consentHistory: suppressions,
    communication: currentOf(suppressions),
    updatedAt: now,
    deletedAt: current.deletedAt ?? now,
    erasedAt: now,
  };
  return { contact, erased: true };
}

/** Opt-outs only, reduced to channel, status and times: proof of the objection, no identity. */
export function suppressionRecords(history: readonly ConsentRecord[]): ConsentRecord[] {
  return history
    .filter((record) => record.status === 'opted_out')
    .map(({ channel, status, capturedAt, recordedAt }) => ({
      channel,
      status,
      source: 'erased',
      capturedAt,
      recordedAt,
    }));
}

function currentOf(records: readonly ConsentRecord[]): CommunicationPreferences {
  return records.reduce<CommunicationPreferences>(applyConsentRecord, {});
}

function withoutPersonalFields(contact: Contact): Contact {
  const {
    person: _person,
    organization: _organization,
    source: _source,
    ownerId: _ownerId,
    birthDate: _birthDate,
    gender: _gender,
    pronouns: _pronouns,
    deceasedDate: _deceasedDate,
    // Where the person lives, copied from their household.
    householdAddress: _householdAddress,
    ...rest
  } = contact;
  return rest;
}
