// Search keys: one stored array of everything a prefix search can match (normalized names,
// lowercased emails, phone digits), so "jane", "jane@ex" and "555 01" are each one prefix
// match on one field. MongoDB serves a `^prefix` regex from the {tenantId, searchKeys} index;
// FerretDB 1.x scans (see docs/architecture.md).
import type { Contact } from './contact';
import { normalizeSearchText } from './contact-name.util';

/** Phone-number digits shorter than this are not searched as phone numbers. */
const MIN_PHONE_DIGITS = 3;
/** The national part of a number, so "5550100" finds "+1 555 0100" too. */
const NATIONAL_DIGITS = 10;

export const MAX_SEARCH_LENGTH = 100;

function phoneKeys(normalized: string): string[] {
  const digits = normalized.replace(/\D/g, '');
  const keys = [digits];
  if (digits.length > NATIONAL_DIGITS) keys.push(digits.slice(-NATIONAL_DIGITS));
  return keys;
}

export function deriveSearchKeys(
  contact: Pick<Contact, 'searchNames' | 'emails' | 'phones'>,
): string[] {
  const keys = [
    ...contact.searchNames,
    ...contact.emails.map((email) => email.address),
    ...contact.phones.flatMap((phone) => phoneKeys(phone.normalized)),
  ].filter((key) => key.length > 0);
  return [...new Set(keys)];
}

/**
 * The forms a search text is looked up in: as a name (accents, case and apostrophes
 * dropped), as an email (lowercased), and as phone digits when it is mostly digits.
 */
export function searchForms(text: string): string[] {
  const trimmed = text.trim();
  const forms = [normalizeSearchText(trimmed), trimmed.toLowerCase()];
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length >= MIN_PHONE_DIGITS && /^[+\d\s\-()./]+$/.test(trimmed)) forms.push(digits);
  return [...new Set(forms.filter((form) => form.length > 0))];
}
