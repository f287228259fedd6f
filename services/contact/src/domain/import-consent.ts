// Consent from an imported file: a row's consent.<channel>.status / .capturedAt cells become
// consent records (source "import"), added to the contact only when they say something new.
// What a careful CRM does with a file that may be older than what it knows: a withdrawal
// (opt-out) is honoured at once, even without a date; a grant (opt-in, or back to unknown)
// must say when it was given, and never displaces an opt-out captured at the same time or
// later. Pure: the clock comes in. See docs/api.md, "Imports and exports".
import {
  applyConsentRecord,
  toConsentRecord,
  type CommunicationPreferences,
  type ConsentRecord,
} from './consent';
import type { ContactFieldError } from './contact-error';

export const IMPORT_CONSENT_SOURCE = 'import';

/** One channel's cells of a row, as read. */
export interface ImportConsentInput {
  channel: string;
  status: string;
  capturedAt?: string;
}

/** The row's consent records, or the errors, each named by its column. */
export function importedConsentRecords(
  inputs: readonly ImportConsentInput[],
  context: { now: string; recordedBy?: string },
): { records: ConsentRecord[]; errors: ContactFieldError[] } {
  const records: ConsentRecord[] = [];
  const errors: ContactFieldError[] = [];
  for (const input of inputs) {
    const column = `consent.${input.channel.trim().toLowerCase()}`;
    const status = input.status.trim().toLowerCase();
    const capturedAt = input.capturedAt?.trim() ?? '';
    if (status === '') {
      if (capturedAt !== '')
        errors.push({ field: `${column}.status`, message: 'is required with capturedAt' });
      continue;
    }
    if (capturedAt === '' && (status === 'opted_in' || status === 'unknown')) {
      errors.push({
        field: `${column}.capturedAt`,
        message: 'is required with opted_in or unknown: when the person gave it',
      });
      continue;
    }
    const result = toConsentRecord(
      { channel: input.channel, status, source: IMPORT_CONSENT_SOURCE, capturedAt },
      context,
    );
    if (result.record) records.push(result.record);
    for (const error of result.errors) {
      errors.push({
        field: error.field === 'channel' ? column : `${column}.${error.field}`,
        message: error.message,
      });
    }
  }
  return { records, errors };
}

/**
 * The contact with the records that say something new: a record is left out when the channel
 * has that status already, when the history holds it (the same file imported again), or when it
 * grants consent captured no later than the current opt-out. The others join the history; the
 * latest captured is current (applyConsentRecord), an opt-out also at the same instant.
 */
export function withImportedConsent<
  C extends { communication: CommunicationPreferences; consentHistory: ConsentRecord[] },
>(contact: C, records: readonly ConsentRecord[]): { contact: C; added: ConsentRecord[] } {
  const added: ConsentRecord[] = [];
  let communication = contact.communication;
  for (const record of records) {
    const current = communication[record.channel];
    const known = [...contact.consentHistory, ...added].some(
      (r) =>
        r.channel === record.channel &&
        r.status === record.status &&
        r.capturedAt === record.capturedAt,
    );
    const notNewerThanOptOut =
      current?.status === 'opted_out' &&
      record.status !== 'opted_out' &&
      record.capturedAt <= current.capturedAt;
    const unchanged = (current?.status ?? 'unknown') === record.status;
    if (known || unchanged || notNewerThanOptOut) continue;
    added.push(record);
    communication = applyConsentRecord(communication, record);
  }
  if (added.length === 0) return { contact, added };
  return {
    contact: { ...contact, communication, consentHistory: [...contact.consentHistory, ...added] },
    added,
  };
}
