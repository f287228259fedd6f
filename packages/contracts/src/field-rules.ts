// Input rules that both edges apply, written once: the gateway's zod schemas (400 at the
// edge) and the contact service's domain validation (INVALID_ARGUMENT for gRPC callers).
// Hand-written, unlike the generated contracts beside it.
import { countries } from 'countries-list';
import { CUSTOM_FIELD_LIMITS, MATCHING_RULE_LIMITS } from './field-limits';

// From a maintained package rather than a hand-typed table: the 249 assigned ISO 3166-1
// alpha-2 codes plus XK (Kosovo, user-assigned, used by the EU and postal services) and
// AC / TA (Ascension, Tristan da Cunha: exceptionally reserved, with their own post).
const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries));

export const COUNTRY_CODE_MESSAGE = 'must be an ISO 3166-1 alpha-2 country code, e.g. US';

/** An assigned ISO 3166-1 alpha-2 code, upper case: "US" yes, "us", "JJ", "UK" no. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

// C0 and C1 controls and DEL, except the whitespace ones (tab, line feed, vertical tab, form
// feed, carriage return) that cleaning collapses into a single space. NUL, ESC sequences and
// the like would reach letters, labels, CSV exports and terminals as they are.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;
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
