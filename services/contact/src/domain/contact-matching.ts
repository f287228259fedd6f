// Duplicate matching: a tenant's rule set (rules of fields with weights, and a threshold),
// the keys a contact can be found by, and the score of a pair. Pure, so the duplicate finder,
// the tenant-wide scan and the CSV importer all score the same way.
//
// For the importer: turn a CSV row into a MatchableContact (kind, person/organization names,
// emails, phones, addresses' postal codes, birthDate; raw values are fine, everything is
// normalized here), then
//   - `matchKeys(row, ruleSet)` gives the keys to bucket rows and stored contacts by (two
//     contacts can only match a rule if they share that rule's key), and
//   - `scorePair(row, contact, ruleSet)` / `findDuplicates(row, candidates, ruleSet)` say whether
//     and how strongly the row duplicates a contact.
import { MATCH_FIELDS, MATCHING_RULE_LIMITS, MATCHING_RULE_NAME_PATTERN } from '@kith/contracts';
import type { ContactKind } from './contact';
import type { ContactFieldError } from './contact-error';
import { normalizeSearchText } from './contact-name.util';
import { normalizeEmail, normalizePhoneNumber } from './contact-validation';
import { normalizePostalCode } from './postal-address';

/** The fields and limits are shared with the gateway's zod schemas (@kith/contracts). */
export type MatchField = (typeof MATCH_FIELDS)[number];

export interface MatchingRule {
  /** Unique within the set, e.g. "same-email"; reported in matchedRules. */
  name: string;
  /** All of them must be equal (for lists: share a value) for the rule to match. */
  fields: MatchField[];
  /** Added to the score when the rule matches. */
  weight: number;
}

export interface MatchingRuleSet {
  /** A pair scoring at least this is a duplicate. */
  threshold: number;
  rules: MatchingRule[];
}

/** A tenant's stored rule set, with the version its If-Match writes check. */
export interface TenantMatchingRules extends MatchingRuleSet {
  tenantId: string;
  version: number;
  updatedAt: string;
}

/**
 * Used while a tenant has stored none. An email alone reaches the threshold; a phone needs
 * something else too (shared family or office phones are common); so does name + postal code
 * (two John Smiths in one postal code happen). Organizations match on their normalized name.
 */
export const DEFAULT_MATCHING_RULES: MatchingRuleSet = {
  threshold: 10,
  rules: [
    { name: 'same-email', fields: ['email'], weight: 10 },
    { name: 'same-phone', fields: ['phone'], weight: 6 },
    {
      name: 'same-name-and-postal-code',
      fields: ['firstName', 'lastName', 'postalCode'],
      weight: 8,
    },
    { name: 'same-last-name-and-birth-date', fields: ['lastName', 'birthDate'], weight: 6 },
    { name: 'same-organization-name', fields: ['organizationName'], weight: 10 },
  ],
};

const MATCHING_LIMITS = MATCHING_RULE_LIMITS;

/** What matching reads of a contact; a stored Contact fits, and so does an import row. */
export interface MatchableContact {
  id?: string;
  kind: ContactKind;
  person?: { firstName?: string; lastName?: string };
  organization?: { name?: string };
  emails: ReadonlyArray<{ address: string }>;
  phones: ReadonlyArray<{ number?: string; normalized?: string }>;
  addresses: ReadonlyArray<{ postalCode?: string }>;
  birthDate?: string;
}

export interface PairScore {
  score: number;
  /** Names of the rules that matched, in rule-set order. */
  matchedRules: string[];
}

export interface DuplicateCandidate<
  C extends MatchableContact = MatchableContact,
> extends PairScore {
  contact: C;
}

/** Phones compare on their last 10 digits, so "+1 555 010 2030" and "(555) 010-2030" meet. */
const PHONE_DIGITS = 10;

/** The normalized values of one field; several for lists (emails, phones, postal codes). */
export function matchValues(contact: MatchableContact, field: MatchField): string[] {
  const distinct = (values: Array<string | undefined>): string[] => [
    ...new Set(values.filter((v): v is string => Boolean(v))),
  ];
  switch (field) {
    case 'email':
      return distinct(contact.emails.map((e) => normalizeEmail(e.address)));
    case 'phone':
      return distinct(contact.phones.map((p) => phoneKey(p.normalized ?? p.number ?? '')));
    case 'firstName':
      return distinct([nameKey(contact.person?.firstName)]);
    case 'lastName':
      return distinct([nameKey(contact.person?.lastName)]);
    case 'organizationName':
      return distinct([nameKey(contact.organization?.name)]);
    case 'postalCode':
      return distinct(
        contact.addresses.map((a) => a.postalCode && normalizePostalCode(a.postalCode)),
      );
    case 'birthDate':
      return distinct([contact.birthDate?.trim()]);
  }
}

/** The last 10 digits of a phone; a number with fewer than 7 digits is too short to match on. */
export function phoneKey(number: string): string | undefined {
  const digits = normalizePhoneNumber(number).replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-PHONE_DIGITS) : undefined;
}

function nameKey(name: string | undefined): string | undefined {
  const key = name ? normalizeSearchText(name) : '';
  return key.length > 0 ? key : undefined;
}

/**
 * Every key the contact can be found by under the rule set: one per rule and combination of
 * its fields' values, e.g. "same-email:jane@example.org" or
 * "same-name-and-postal-code:jane|smith|SW1A 1AA". Two contacts match a rule exactly when they
 * share one of its keys, so bucketing by key finds every candidate pair.
 */
export function matchKeys(contact: MatchableContact, ruleSet: MatchingRuleSet): string[] {
  const keys: string[] = [];
  for (const rule of ruleSet.rules) {
    let combos: string[][] = [[]];
    for (const field of rule.fields) {
      const values = matchValues(contact, field);
      combos = combos.flatMap((combo) => values.map((value) => [...combo, value]));
    }
    for (const combo of combos) keys.push(`${rule.name}:${combo.join('|')}`);
  }
  return [...new Set(keys)];
}

/** The score of a pair: the sum of the weights of the rules both satisfy. Kinds must agree. */
export function scorePair(
  a: MatchableContact,
  b: MatchableContact,
  ruleSet: MatchingRuleSet,
): PairScore {
  if (a.kind !== b.kind) return { score: 0, matchedRules: [] };
  const matchedRules = ruleSet.rules
    .filter((rule) =>
      rule.fields.every((field) => {
        const theirs = new Set(matchValues(b, field));
        return matchValues(a, field).some((value) => theirs.has(value));
      }),
    )
    .map((rule) => rule.name);
  const weights = new Map(ruleSet.rules.map((rule) => [rule.name, rule.weight]));
  const score = matchedRules.reduce((sum, name) => sum + (weights.get(name) ?? 0), 0);
  return { score, matchedRules };
}

/**
 * The candidates that duplicate `contact` (score at or above the threshold), best first; ties
 * by id so the order is stable. The contact itself, if among the candidates, is skipped.
 */
export function findDuplicates<C extends MatchableContact>(
  contact: MatchableContact,
  candidates: readonly C[],
  ruleSet: MatchingRuleSet,
): Array<DuplicateCandidate<C>> {
  return candidates
    .filter((candidate) => contact.id === undefined || candidate.id !== contact.id)
    .map((candidate) => ({ contact: candidate, ...scorePair(contact, candidate, ruleSet) }))
    .filter((result) => result.score >= ruleSet.threshold && result.score > 0)
    .sort((x, y) => y.score - x.score || (x.contact.id ?? '').localeCompare(y.contact.id ?? ''));
}

/** What a caller sends to change a tenant's rules. */
export interface MatchingRuleSetInput {
  threshold?: number;
  rules?: Array<{ name?: string; fields?: string[]; weight?: number }>;
}

/** Checks a rule set: names unique and short, known fields, positive integer weights. */
export function validateMatchingRuleSet(input: MatchingRuleSetInput): {
  ruleSet?: MatchingRuleSet;
  errors: ContactFieldError[];
} {
  const errors: ContactFieldError[] = [];
  const isPositiveInt = (n: unknown, max: number): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
  const rules = input.rules ?? [];
  if (!isPositiveInt(input.threshold, MATCHING_LIMITS.weight * MATCHING_LIMITS.rules)) {
    errors.push({ field: 'threshold', message: 'must be a whole number of 1 or more' });
  }
  if (rules.length === 0 || rules.length > MATCHING_LIMITS.rules) {
    errors.push({ field: 'rules', message: `must hold 1 to ${MATCHING_LIMITS.rules} rules` });
  }
  const seen = new Set<string>();
  const cleaned: MatchingRule[] = rules.map((rule, i) => {
    const name = rule.name?.trim() ?? '';
    if (!MATCHING_RULE_NAME_PATTERN.test(name)) {
      errors.push({
        field: `rules[${i}].name`,
        message: `must be 1-${MATCHING_LIMITS.name} lower-case letters, digits or dashes`,
      });
    } else if (seen.has(name)) {
      errors.push({ field: `rules[${i}].name`, message: 'must be unique in the rule set' });
    }
    seen.add(name);
    const fields = rule.fields ?? [];
    const unknown = fields.filter((f) => !(MATCH_FIELDS as readonly string[]).includes(f));
    if (fields.length === 0 || fields.length > MATCHING_LIMITS.fieldsPerRule) {
      errors.push({
        field: `rules[${i}].fields`,
        message: `must name 1 to ${MATCHING_LIMITS.fieldsPerRule} fields`,
      });
    } else if (unknown.length > 0 || new Set(fields).size !== fields.length) {
      errors.push({
        field: `rules[${i}].fields`,
        message: `must be distinct fields among ${MATCH_FIELDS.join(', ')}`,
      });
    }
    if (!isPositiveInt(rule.weight, MATCHING_LIMITS.weight)) {
      errors.push({
        field: `rules[${i}].weight`,
        message: `must be a whole number from 1 to ${MATCHING_LIMITS.weight}`,
      });
    }
    return { name, fields: fields as MatchField[], weight: rule.weight ?? 0 };
  });
  const total = cleaned.reduce((sum, rule) => sum + rule.weight, 0);
  if (errors.length === 0 && (input.threshold as number) > total) {
    errors.push({
      field: 'threshold',
      message: `can never be reached: the weights sum to ${total}`,
    });
  }
  if (errors.length > 0) return { errors };
  return { ruleSet: { threshold: input.threshold as number, rules: cleaned }, errors };
}
