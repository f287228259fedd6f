import type { Contact } from '../src/domain/contact';
import {
  DEFAULT_MATCHING_RULES,
  findDuplicates,
  matchKeys,
  scorePair,
  validateMatchingRuleSet,
  type MatchableContact,
  type MatchingRuleSet,
} from '../src/domain/contact-matching';
import { aContact } from './support/contact-fixture';

const TENANT = 'tenant-a';

function person(id: string, overrides: Partial<Contact> = {}): Contact {
  return aContact({ id, tenantId: TENANT, ...overrides });
}

const janeAtHome = person('c-1', {
  person: { firstName: 'Jane', lastName: 'Smith' },
  emails: [{ address: 'jane@example.org', type: 'home', primary: true, valid: true }],
  phones: [
    {
      number: '+1 555 010 2030',
      normalized: '+15550102030',
      type: 'mobile',
      primary: true,
      valid: true,
    },
  ],
  addresses: [
    {
      type: 'home',
      primary: true,
      line1: '1 Main St',
      postalCode: 'SW1A 1AA',
      countryCode: 'GB',
      valid: true,
    },
  ],
});

describe('duplicate matching', () => {
  it('scores an equal email, compared case-insensitively, at the email weight', () => {
    const other = person('c-2', {
      emails: [{ address: 'JANE@example.org ', type: 'work', primary: true, valid: true }],
    });

    expect(scorePair(janeAtHome, other, DEFAULT_MATCHING_RULES)).toEqual({
      score: 10,
      matchedRules: ['same-email'],
    });
  });

  it('matches phones on their last ten digits whatever the formatting', () => {
    const other = person('c-2', {
      phones: [
        {
          number: '(555) 010-2030',
          normalized: '5550102030',
          type: 'home',
          primary: true,
          valid: true,
        },
      ],
    });

    expect(scorePair(janeAtHome, other, DEFAULT_MATCHING_RULES).matchedRules).toEqual([
      'same-phone',
    ]);
  });

  it('matches first name, last name and postal code only when all three agree, accents ignored', () => {
    const zoe = (first: string, postalCode: string): MatchableContact => ({
      kind: 'person',
      person: { firstName: first, lastName: "O'Brien" },
      emails: [],
      phones: [],
      addresses: [{ postalCode }],
    });

    expect(
      scorePair(zoe('Zoë', 'sw1a 1aa'), zoe('zoe', 'SW1A 1AA'), DEFAULT_MATCHING_RULES).score,
    ).toBe(8);
    expect(
      scorePair(zoe('Zoë', 'SW1A 1AA'), zoe('Zoë', 'EC1A 1BB'), DEFAULT_MATCHING_RULES).score,
    ).toBe(0);
  });

  it('adds the weights of every rule that matches', () => {
    const twin = person('c-2', {
      person: { firstName: 'Jane', lastName: 'Smith' },
      emails: janeAtHome.emails,
      phones: janeAtHome.phones,
      addresses: janeAtHome.addresses,
    });

    expect(scorePair(janeAtHome, twin, DEFAULT_MATCHING_RULES)).toEqual({
      score: 24,
      matchedRules: ['same-email', 'same-phone', 'same-name-and-postal-code'],
    });
  });

  it('never matches a person with an organization', () => {
    const org = person('c-2', { kind: 'organization', emails: janeAtHome.emails });

    expect(scorePair(janeAtHome, org, DEFAULT_MATCHING_RULES).score).toBe(0);
  });

  it('gives one key per rule and value combination', () => {
    expect(matchKeys(janeAtHome, DEFAULT_MATCHING_RULES)).toEqual([
      'same-email:jane@example.org',
      'same-phone:5550102030',
      'same-name-and-postal-code:jane|smith|SW1A 1AA',
    ]);
  });

  it('gives no key for a rule whose fields are missing', () => {
    expect(matchKeys(person('c-9'), DEFAULT_MATCHING_RULES)).toEqual([]);
  });

  it('returns the candidates at or above the threshold, best first, without the contact itself', () => {
    const phoneOnly = person('c-2', { phones: janeAtHome.phones });
    const emailOnly = person('c-3', { emails: janeAtHome.emails });
    const both = person('c-4', { emails: janeAtHome.emails, phones: janeAtHome.phones });

    const result = findDuplicates(
      janeAtHome,
      [janeAtHome, phoneOnly, emailOnly, both],
      DEFAULT_MATCHING_RULES,
    );

    expect(result.map((r) => [r.contact.id, r.score])).toEqual([
      ['c-4', 16],
      ['c-3', 10],
    ]);
  });

  it('applies a tenant rule set instead of the default', () => {
    const rules: MatchingRuleSet = {
      threshold: 5,
      rules: [{ name: 'phone', fields: ['phone'], weight: 5 }],
    };
    const phoneOnly = person('c-2', { phones: janeAtHome.phones });

    expect(findDuplicates(janeAtHome, [phoneOnly], rules)).toHaveLength(1);
  });
});

describe('matching rule validation', () => {
  it('accepts the default rule set', () => {
    expect(validateMatchingRuleSet(DEFAULT_MATCHING_RULES).errors).toEqual([]);
  });

  it('refuses unknown fields, duplicate names and weights below one', () => {
    const { errors } = validateMatchingRuleSet({
      threshold: 5,
      rules: [
        { name: 'a', fields: ['shoeSize'], weight: 5 },
        { name: 'a', fields: ['email'], weight: 0 },
      ],
    });

    expect(errors.map((e) => e.field)).toEqual([
      'rules[0].fields',
      'rules[1].name',
      'rules[1].weight',
    ]);
  });

  it('refuses a threshold the weights can never reach', () => {
    const { errors } = validateMatchingRuleSet({
      threshold: 30,
      rules: [{ name: 'email', fields: ['email'], weight: 10 }],
    });

    expect(errors).toEqual([{ field: 'threshold', message: expect.stringContaining('sum to 10') }]);
  });

  it('refuses an empty rule list', () => {
    expect(validateMatchingRuleSet({ threshold: 1, rules: [] }).errors[0]?.field).toBe('rules');
  });
});
