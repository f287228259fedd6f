import { DEFAULT_MATCHING_RULES, type MatchingRuleSet } from '../src/domain/contact-matching';
import {
  MAX_CANDIDATES_PER_KEY,
  RuleImportMatcher,
  type MatchableFields,
  type StoredMatchable,
} from '../src/domain/import-matcher';

interface Given {
  first?: string;
  last?: string;
  emails?: string[];
  phones?: string[];
  postalCode?: string;
  birthDate?: string;
}

function fields(given: Given): MatchableFields {
  return {
    person: { firstName: given.first, lastName: given.last },
    emails: (given.emails ?? []).map((address) => ({ address })),
    phones: (given.phones ?? []).map((number) => ({ number, normalized: number })),
    addresses: given.postalCode ? [{ postalCode: given.postalCode }] : [],
    ...(given.birthDate ? { birthDate: given.birthDate } : {}),
  };
}

const stored = (id: string, given: Given): StoredMatchable => ({ id, ...fields(given) });

const matcherOf = (existing: StoredMatchable[], rules: MatchingRuleSet = DEFAULT_MATCHING_RULES) =>
  new RuleImportMatcher(rules, 'person', existing);

describe('RuleImportMatcher with the default rules', () => {
  it('does not match a row whose only shared rule weighs less than the threshold', () => {
    const matcher = matcherOf([stored('c-1', { last: 'Smith', phones: ['+15550102030'] })]);

    expect(matcher.match(fields({ last: 'Jones', phones: ['(555) 010-2030'] }))).toBeUndefined();
  });

  it('matches once a second rule lifts the score to the threshold, with the score and rules', () => {
    const matcher = matcherOf([
      stored('c-1', { last: 'Smith', phones: ['+15550102030'], birthDate: '1980-02-01' }),
    ]);

    expect(
      matcher.match(fields({ last: 'SMITH', phones: ['(555) 010-2030'], birthDate: '1980-02-01' })),
    ).toEqual({
      existingId: 'c-1',
      score: 12,
      matchedRules: ['same-phone', 'same-last-name-and-birth-date'],
    });
  });

  it('matches an email alone, compared without regard to case', () => {
    const matcher = matcherOf([stored('c-1', { first: 'Ada', emails: ['ada@example.org'] })]);

    expect(matcher.match(fields({ first: 'Grace', emails: ['ADA@example.org'] }))).toEqual({
      existingId: 'c-1',
      score: 10,
      matchedRules: ['same-email'],
    });
  });

  it('picks the best scoring of several candidates', () => {
    const matcher = matcherOf([
      stored('c-1', { emails: ['ada@example.org'] }),
      stored('c-2', {
        first: 'Ada',
        last: 'Lovelace',
        postalCode: 'SW1A 1AA',
        phones: ['+442079460018'],
      }),
      stored('c-3', { last: 'Lovelace', phones: ['+442079460018'] }),
    ]);

    const match = matcher.match(
      fields({
        first: 'Ada',
        last: 'Lovelace',
        emails: ['ada@example.org'],
        phones: ['020 7946 0018'],
        postalCode: 'sw1a 1aa',
      }),
    );

    expect(match).toEqual({
      existingId: 'c-2',
      score: 14,
      matchedRules: ['same-phone', 'same-name-and-postal-code'],
    });
  });

  it('breaks a tie in favour of the oldest id', () => {
    const matcher = matcherOf([
      stored('0190-b', { emails: ['ada@example.org'] }),
      stored('0190-a', { emails: ['ada@example.org'] }),
    ]);

    expect(matcher.match(fields({ emails: ['ada@example.org'] }))?.existingId).toBe('0190-a');
  });

  it('finds a row created earlier in the same file once remembered', () => {
    const matcher = matcherOf([]);
    const first = fields({ first: 'Ada', emails: ['ada@example.org'] });
    expect(matcher.match(first)).toBeUndefined();

    matcher.remember('row-1', first);

    expect(matcher.match(fields({ emails: ['ada@example.org'] }))?.existingId).toBe('row-1');
  });

  it('answers nothing for a row that gives no value any rule reads', () => {
    const matcher = matcherOf([stored('c-1', { last: 'Smith', emails: ['ada@example.org'] })]);

    expect(matcher.match(fields({ first: 'Ada' }))).toBeUndefined();
  });

  it('still answers the oldest contact of a key shared by more contacts than the cap', () => {
    // Newest first, as a scan may read them.
    const crowd = Array.from({ length: MAX_CANDIDATES_PER_KEY + 10 }, (_, i) =>
      stored(`c-${String(MAX_CANDIDATES_PER_KEY + 9 - i).padStart(3, '0')}`, {
        emails: ['info@example.org'],
      }),
    );
    const matcher = matcherOf(crowd);

    expect(matcher.match(fields({ emails: ['info@example.org'] }))?.existingId).toBe('c-000');
  });
});

describe('RuleImportMatcher with a tenant rule set', () => {
  // The tenant dropped same-email (shared family addresses) and lets a phone match alone.
  const tenantRules: MatchingRuleSet = {
    threshold: 6,
    rules: [
      { name: 'same-phone', fields: ['phone'], weight: 6 },
      { name: 'same-last-name-and-birth-date', fields: ['lastName', 'birthDate'], weight: 4 },
    ],
  };

  it('does not match on a rule the tenant has removed', () => {
    const matcher = matcherOf([stored('c-1', { emails: ['family@example.org'] })], tenantRules);

    expect(matcher.match(fields({ emails: ['family@example.org'] }))).toBeUndefined();
  });

  it("matches when the tenant's own rule reaches its threshold", () => {
    const matcher = matcherOf([stored('c-1', { phones: ['+15550102030'] })], tenantRules);

    expect(matcher.match(fields({ phones: ['+1 555 010 2030'] }))).toEqual({
      existingId: 'c-1',
      score: 6,
      matchedRules: ['same-phone'],
    });
  });

  it('does not match on a rule whose weight stays under the tenant threshold', () => {
    const matcher = matcherOf(
      [stored('c-1', { last: 'Smith', birthDate: '1980-02-01' })],
      tenantRules,
    );

    expect(matcher.match(fields({ last: 'Smith', birthDate: '1980-02-01' }))).toBeUndefined();
  });
});

describe('RuleImportMatcher.resolveId: what the id column of an export names', () => {
  const retired = (id: string, state: Partial<StoredMatchable>): StoredMatchable => ({
    ...stored(id, {}),
    deletedAt: '2026-02-01T00:00:00.000Z',
    ...state,
  });

  it('answers a live contact as itself', () => {
    const matcher = matcherOf([stored('c-1', { last: 'Smith' })]);

    expect(matcher.resolveId('c-1')).toEqual({ status: 'live', id: 'c-1' });
  });

  it('answers a merge victim as its survivor, following a chain of merges', () => {
    const matcher = matcherOf([
      retired('c-1', { mergedInto: 'c-2' }),
      retired('c-2', { mergedInto: 'c-3' }),
      stored('c-3', { last: 'Smith' }),
    ]);

    expect(matcher.resolveId('c-1')).toEqual({ status: 'live', id: 'c-3' });
  });

  it('answers a deleted contact as deleted and an erased one as erased', () => {
    const matcher = matcherOf([
      retired('c-1', {}),
      retired('c-2', { erasedAt: '2026-02-02T00:00:00.000Z' }),
    ]);

    expect([matcher.resolveId('c-1'), matcher.resolveId('c-2')]).toEqual([
      { status: 'deleted', id: 'c-1' },
      { status: 'erased', id: 'c-2' },
    ]);
  });

  it('answers a victim whose survivor was deleted since as deleted', () => {
    const matcher = matcherOf([retired('c-1', { mergedInto: 'c-2' }), retired('c-2', {})]);

    expect(matcher.resolveId('c-1')).toEqual({ status: 'deleted', id: 'c-2' });
  });

  it('answers an id it was never given (another tenant, another kind, a typo) as unknown', () => {
    const matcher = matcherOf([stored('c-1', { last: 'Smith' })]);

    expect(matcher.resolveId('c-9')).toEqual({ status: 'unknown' });
  });

  it('does not match a row against a deleted contact', () => {
    const matcher = matcherOf([retired('c-1', { ...fields({ emails: ['ada@example.org'] }) })]);

    expect(matcher.match(fields({ emails: ['ada@example.org'] }))).toBeUndefined();
  });
});
