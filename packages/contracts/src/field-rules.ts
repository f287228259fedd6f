// Input rules that both edges apply, written once: the gateway's zod schemas (400 at the
// edge) and the contact service's domain validation (INVALID_ARGUMENT for gRPC callers).
// Hand-written, unlike the generated contracts beside it.
import { countries } from 'countries-list';
import { CONTACT_FIELD_LIMITS, CUSTOM_FIELD_LIMITS, MATCHING_RULE_LIMITS } from './field-limits';

// From a maintained package rather than a hand-typed table: the 249 assigned ISO 3166-1
// alpha-2 codes plus XK (Kosovo, user-assigned, used by the EU and postal services) and
// AC / TA (Ascension, Tristan da Cunha: exceptionally reserved, with their own post).
const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries));

export const COUNTRY_CODE_MESSAGE = 'must be an ISO 3166-1 alpha-2 country code, e.g. US';

/** An assigned ISO 3166-1 alpha-2 code, upper case: "US" yes, "us", "JJ", "UK" no. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** The codes of isCountryCode in any case, as one pattern: `^(?:[Aa][CDEFG…cdefg…]|…)$`. */
export const COUNTRY_CODE_PATTERN = (() => {
  const seconds = new Map<string, string>();
  for (const code of [...COUNTRY_CODES].sort()) {
    seconds.set(code[0]!, (seconds.get(code[0]!) ?? '') + code[1]!);
  }
  const groups = [...seconds].map(
    ([first, rest]) => `[${first}${first.toLowerCase()}][${rest}${rest.toLowerCase()}]`,
  );
  return new RegExp(`^(?:${groups.join('|')})$`);
})();

// C0 and C1 controls and DEL, except the whitespace ones (tab, line feed, vertical tab, form
// feed, carriage return) that cleaning collapses into a single space. NUL, ESC sequences and
// the like would reach letters, labels, CSV exports and terminals as they are.
const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F';
const CONTROL_CHARACTER = new RegExp(`[${CONTROL_CHARACTERS}]`);
/**
 * What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator: JavaScript's
 * `\s`), spelled out as the body of a pattern's character class: Python's and Rust's `\s`
 * differ from it, and API document patterns are read by clients in any language.
 */
export const TRIMMED_SPACE =
  '\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';

/** COUNTRY_CODE_PATTERN for the API document: the space around a code is trimmed. */
export const COUNTRY_CODE_DOCUMENT_PATTERN = `^[${TRIMMED_SPACE}]*${COUNTRY_CODE_PATTERN.source.slice(1, -1)}[${TRIMMED_SPACE}]*$`;

/**
 * textProblem's character rule as a JSON Schema `pattern`, for the API document: no control
 * characters. (A lone surrogate has no UTF-8 form, so no JSON text a client sends holds one
 * after decoding anyway; the pattern leaves it out.) Documentation only: validation calls
 * textProblem, which never backtracks.
 */
export const TEXT_PATTERN = `^[^${CONTROL_CHARACTERS}]*$`;
/** TEXT_PATTERN for a text that is trimmed and must not end up empty: one visible character. */
export const NON_BLANK_TEXT_PATTERN = `^[${TRIMMED_SPACE}]*[^${TRIMMED_SPACE}${CONTROL_CHARACTERS}][^${CONTROL_CHARACTERS}]*$`;
/** An email address, loose on purpose: one @, no spaces, a dot in the domain. */
export const EMAIL_ADDRESS_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_PART = `[^${TRIMMED_SPACE}@${CONTROL_CHARACTERS}]+`;
/**
 * EMAIL_ADDRESS_PATTERN and textProblem's character rule in one, for the API document; the
 * space around it is trimmed.
 */
export const EMAIL_ADDRESS_DOCUMENT_PATTERN = `^[${TRIMMED_SPACE}]*${EMAIL_PART}@${EMAIL_PART}\\.${EMAIL_PART}[${TRIMMED_SPACE}]*$`;

/** The characters of a phone number: digits, spaces, ( ) - . / and a leading +. */
export const PHONE_NUMBER_CHARACTERS = /^\+?[0-9\s\-()./]*$/;
const PHONE_FILLER = `[${TRIMMED_SPACE}\\-()./]*`;
/**
 * A phone number as both edges take it, for the API document: PHONE_NUMBER_CHARACTERS once
 * trimmed, with CONTACT_FIELD_LIMITS.phoneDigitsMin..Max digits.
 */
export const PHONE_NUMBER_DOCUMENT_PATTERN =
  `^[${TRIMMED_SPACE}]*\\+?${PHONE_FILLER}` +
  `(?:[0-9]${PHONE_FILLER}){${CONTACT_FIELD_LIMITS.phoneDigitsMin},${CONTACT_FIELD_LIMITS.phoneDigitsMax}}$`;

// With the u flag, only a surrogate that is not half of a pair matches; such a string has no
// UTF-8 form, so it would be mangled on the way to the database, Kafka or another service.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** What is wrong with a free text (a name, a label, an address line), or undefined. */
export function textProblem(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (no lone surrogates)';
  if (CONTROL_CHARACTER.test(value)) return 'must not contain control characters';
  return undefined;
}

/** What is wrong with a free text of at most `max` characters, or undefined. */
export function freeTextProblem(value: string, max: number): string | undefined {
  return (
    textProblem(value) ?? (value.length > max ? `must be at most ${max} characters` : undefined)
  );
}

/**
 * A custom field key becomes a document field name (`customFields.<key>`) and a query
 * parameter (`cf.<key>`): a lower-case slug, no `.` or `$` (FerretDB and MongoDB field names).
 */
export const CUSTOM_FIELD_KEY_SYNTAX = `[a-z][a-z0-9_]{0,${CUSTOM_FIELD_LIMITS.key - 1}}`;
/** The key alone; CUSTOM_FIELD_KEY_SYNTAX builds the patterns that contain one. */
export const CUSTOM_FIELD_KEY_PATTERN = new RegExp(`^${CUSTOM_FIELD_KEY_SYNTAX}$`);

/** A relationship type code: a lower-case slug with single hyphens (length: its own limit). */
export const RELATIONSHIP_TYPE_CODE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A matching rule's name: lower-case letters, digits and dashes, a letter or digit first. */
export const MATCHING_RULE_NAME_PATTERN = new RegExp(
  `^[a-z0-9][a-z0-9-]{0,${MATCHING_RULE_LIMITS.name - 1}}$`,
);
