// Search keys: one stored array of everything a prefix search can match (normalized names,
// lowercased emails, phone digits), so "jane", "jane@ex" and "555 01" are each one prefix
// match on one field; and every prefix of those keys, so that match is an equality lookup
// on an indexed field (searchPrefixes), which FerretDB 1.x pushes down and MongoDB indexes.
import type { Contact } from './contact';
import { normalizeSearchText } from './contact-name.util';

/** Phone-number digits shorter than this are not searched as phone numbers. */
const MIN_PHONE_DIGITS = 3;
/** The national part of a number, so "5550100" finds "+1 555 0100" too. */
const NATIONAL_DIGITS = 10;

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

/**
 * Prefixes are stored up to this many characters; a longer search is looked up by its first
 * MAX_PREFIX_LENGTH and checked in full against the keys.
 */
export const MAX_PREFIX_LENGTH = 16;

/** What an equality lookup on the stored prefixes uses for a search form. */
export function prefixProbe(form: string): string {
  return Array.from(form).slice(0, MAX_PREFIX_LENGTH).join('');
}

/**
 * Every prefix of every key, up to MAX_PREFIX_LENGTH characters: the stored field a prefix
 * search matches by equality. FerretDB 1.x pushes equality down to an index and decodes only
 * what it matches, while a `^prefix` regex reads the whole tenant (docs/architecture.md,
 * "Lists over a large tenant").
 */
export function deriveSearchPrefixes(keys: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const key of keys) {
    const characters = Array.from(key).slice(0, MAX_PREFIX_LENGTH);
    for (let length = 1; length <= characters.length; length += 1) {
      prefixes.add(characters.slice(0, length).join(''));
    }
  }
  return [...prefixes];
}
