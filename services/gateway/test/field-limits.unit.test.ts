// The gateway's request schemas hold to the limits the contact service's validation uses
// (@kith/contracts field-limits.ts): a value at a limit passes, one past it is refused. If a
// schema and the shared constant drift apart, this fails; the contact service's
// field-limits.unit.test.ts holds its own side. How lengths are counted:
// field-length-units.unit.test.ts; page sizes and cursors: page-limits.unit.test.ts.
import {
  CONSENT_FIELD_LIMITS,
  CONTACT_FIELD_LIMITS,
  CONTACT_IMPORT_LIMITS,
  DONATION_FIELD_LIMITS,
  MONEY_LIMITS,
  CUSTOM_FIELD_LIMITS,
  HOUSEHOLD_FIELD_LIMITS,
  INTERACTION_FIELD_LIMITS,
  MATCHING_RULE_LIMITS,
  MATCH_FIELDS,
  POSTAL_ADDRESS_LIMITS,
  RELATIONSHIP_FIELD_LIMITS,
} from '@kith/contracts';
import { RecordConsentBodySchema } from '../src/modules/contact/consent.schema';
import { ListQuerySchema } from '../src/modules/contact/contact-list.schema';
import { CreateCustomFieldBodySchema } from '../src/modules/contact/custom-field.schema';
import {
  CustomFieldFilterQuerySchema,
  CustomFieldValuesSchema,
} from '../src/modules/contact/custom-field-value.schema';
import { PutMatchingRulesBodySchema } from '../src/modules/contact/duplicate.schema';
import { CreateHouseholdBodySchema } from '../src/modules/contact/household.schema';
import {
  OneShotImportQuerySchema,
  StartImportBodySchema,
} from '../src/modules/contact/import.schema';
import { CreateOrganizationBodySchema } from '../src/modules/contact/organization.schema';
import { CreatePersonBodySchema } from '../src/modules/contact/person.schema';
import { CreateInteractionBodySchema } from '../src/modules/interaction/interaction.schema';
import {
  CreateDonationBodySchema,
  DonationListQuerySchema,
  RefundBodySchema,
} from '../src/modules/transaction/donation.schema';
import {
  CreateRelationshipBodySchema,
  CreateRelationshipTypeBodySchema,
} from '../src/modules/contact/relationship.schema';
import {
  definition,
  holdsTo,
  list,
  option,
  person,
  text,
  type LimitCase,
} from './support/limit-cases';

const C = CONTACT_FIELD_LIMITS;
const A = POSTAL_ADDRESS_LIMITS;
const email = (i: number) => ({ address: `p${i}@example.org` });
const phone = () => ({ number: '+1 555 0100' });
const address = (fields: Record<string, string> = {}) => ({
  line1: '1 Main St',
  countryCode: 'US',
  ...fields,
});

type Case = LimitCase;

const personCases: Case[] = [
  ['name.firstName', (n) => person({ name: { firstName: text(n) } }), C.name],
  ['name.prefix', (n) => person({ name: { lastName: 'L', prefix: text(n) } }), C.namePart],
  ['emails', (n) => person({ emails: list(n, email) }), C.emails],
  [
    'emails[0].address',
    (n) => person({ emails: [{ address: `${text(n - '@example.org'.length)}@example.org` }] }),
    C.email,
  ],
  ['phones', (n) => person({ phones: list(n, phone) }), C.phones],
  ['phones[0].number', (n) => person({ phones: [{ number: '1'.repeat(n) }] }), C.phone],
  ['tags', (n) => person({ tags: list(n, (i) => `t${i}`) }), C.tags],
  ['tags[0]', (n) => person({ tags: [text(n)] }), C.tag],
  ['source', (n) => person({ source: text(n) }), C.source],
  ['ownerId', (n) => person({ ownerId: text(n) }), C.ownerId],
  ['gender', (n) => person({ gender: text(n) }), C.gender],
  ['pronouns', (n) => person({ pronouns: text(n) }), C.pronouns],
  ['addresses', (n) => person({ addresses: list(n, () => address()) }), A.count],
  ['addresses[0].line1', (n) => person({ addresses: [address({ line1: text(n) })] }), A.line],
  ['addresses[0].city', (n) => person({ addresses: [address({ city: text(n) })] }), A.city],
  ['addresses[0].region', (n) => person({ addresses: [address({ region: text(n) })] }), A.region],
  [
    'addresses[0].postalCode',
    (n) => person({ addresses: [address({ postalCode: text(n) })] }),
    A.postalCode,
  ],
];

describe('CreatePersonBodySchema holds to the shared contact limits', () => {
  it.each(personCases)('%s: passes at the limit, refused one past it', (_field, body, limit) => {
    expect(CreatePersonBodySchema.safeParse(body(limit)).success).toBe(true);
    expect(CreatePersonBodySchema.safeParse(body(limit + 1)).success).toBe(false);
  });
});

describe('CreateOrganizationBodySchema holds to the shared contact limits', () => {
  it.each<Case>([
    ['name', (n) => ({ name: text(n) }), C.organizationName],
    ['organizationType', (n) => ({ name: 'Org', organizationType: text(n) }), C.organizationType],
    [
      'website',
      (n) => ({
        name: 'Org',
        website: `https://example.org/${text(n - 'https://example.org/'.length)}`,
      }),
      C.website,
    ],
  ])('%s: passes at the limit, refused one past it', (_field, body, limit) => {
    expect(CreateOrganizationBodySchema.safeParse(body(limit)).success).toBe(true);
    expect(CreateOrganizationBodySchema.safeParse(body(limit + 1)).success).toBe(false);
  });
});

describe('CreateHouseholdBodySchema holds to the shared household limits', () => {
  it.each<Case>([
    ['nameOverride', (n) => ({ nameOverride: text(n) }), HOUSEHOLD_FIELD_LIMITS.name],
    ['greetingOverride', (n) => ({ greetingOverride: text(n) }), HOUSEHOLD_FIELD_LIMITS.name],
    ['mailingAddress.line1', (n) => ({ mailingAddress: address({ line1: text(n) }) }), A.line],
  ])('%s: passes at the limit, refused one past it', (_field, body, limit) => {
    expect(CreateHouseholdBodySchema.safeParse(body(limit)).success).toBe(true);
    expect(CreateHouseholdBodySchema.safeParse(body(limit + 1)).success).toBe(false);
  });
});

describe('ListQuerySchema filters hold to the lengths of what they match', () => {
  it.each<Case>([
    ['tag', (n) => ({ tag: text(n) }), C.tag],
    ['namePrefix', (n) => ({ namePrefix: text(n) }), C.name],
    ['search', (n) => ({ search: text(n) }), C.search],
  ])('%s: passes at the limit, refused one past it', (_field, query, limit) => {
    expect(ListQuerySchema.safeParse(query(limit)).success).toBe(true);
    expect(ListQuerySchema.safeParse(query(limit + 1)).success).toBe(false);
  });
});

describe('RecordConsentBodySchema holds to the shared consent limits', () => {
  const consent = (fields: Record<string, unknown>) => ({
    channel: 'email',
    status: 'opted_in',
    source: 'web-form',
    ...fields,
  });
  holdsTo(RecordConsentBodySchema, [
    ['source', (n) => consent({ source: text(n) }), CONSENT_FIELD_LIMITS.source],
    ['statement', (n) => consent({ statement: text(n) }), CONSENT_FIELD_LIMITS.statement],
    ['campaignId', (n) => consent({ campaignId: text(n) }), CONSENT_FIELD_LIMITS.campaignId],
  ]);
});

const F = CUSTOM_FIELD_LIMITS;

describe('CreateCustomFieldBodySchema holds to the shared custom field limits', () => {
  holdsTo(CreateCustomFieldBodySchema, [
    ['key', (n) => definition({ key: `k${text(n - 1)}` }), F.key],
    ['label', (n) => definition({ label: text(n) }), F.label],
    ['description', (n) => definition({ description: text(n) }), F.description],
    [
      'options',
      (n) => definition({ options: list(n, (i) => option({ value: `v${i}` })) }),
      F.options,
    ],
    [
      'options[0].value',
      (n) => definition({ options: [option({ value: text(n) })] }),
      F.optionValue,
    ],
    ['options[0].label', (n) => definition({ options: [option({ label: text(n) })] }), F.label],
    ['validation.minLength', (n) => definition({ validation: { minLength: n } }), F.text],
    ['validation.maxLength', (n) => definition({ validation: { maxLength: n } }), F.text],
    ['validation.pattern', (n) => definition({ validation: { pattern: text(n) } }), F.pattern],
  ]);
});

describe('custom field values and filters hold to the shared limits', () => {
  describe('CustomFieldValuesSchema', () => {
    holdsTo(CustomFieldValuesSchema, [
      ['a text value', (n) => ({ level: text(n) }), F.text],
      // The service counts code points, as JSON Schema's maxLength does: 😀 is one.
      ['a text value of astral characters', (n) => ({ level: '😀'.repeat(n) }), F.text],
      ['a text value with spaces around it', (n) => ({ level: ` ${text(n)} ` }), F.text],
      ['a multi-select', (n) => ({ level: list(n, (i) => `v${i}`) }), F.options],
      ['a multi-select value', (n) => ({ level: [text(n)] }), F.optionValue],
    ]);
  });

  describe('CustomFieldFilterQuerySchema', () => {
    holdsTo(CustomFieldFilterQuerySchema, [
      ['filters', (n) => Object.fromEntries(list(n, (i) => [`cf.k${i}`, 'x'])), F.filtersPerQuery],
    ]);
  });
});

describe('relationship schemas hold to the shared relationship limits', () => {
  const R = RELATIONSHIP_FIELD_LIMITS;
  const relationship = (fields: Record<string, unknown>) => ({
    typeCode: 'employee-of',
    contactAId: 'a1',
    contactBId: 'b2',
    ...fields,
  });
  const type = (fields: Record<string, unknown>) => ({
    code: 'mentor-of',
    labelAToB: 'mentor of',
    labelBToA: 'mentee of',
    contactKindA: 'person',
    contactKindB: 'person',
    ...fields,
  });

  describe('CreateRelationshipBodySchema', () => {
    holdsTo(CreateRelationshipBodySchema, [
      ['typeCode', (n) => relationship({ typeCode: text(n) }), R.typeCode],
      ['description', (n) => relationship({ description: text(n) }), R.description],
    ]);
  });

  describe('CreateRelationshipTypeBodySchema', () => {
    holdsTo(CreateRelationshipTypeBodySchema, [
      ['code', (n) => type({ code: text(n) }), R.typeCode],
      ['labelAToB', (n) => type({ labelAToB: text(n) }), R.label],
      ['labelBToA', (n) => type({ labelBToA: text(n) }), R.label],
    ]);
  });
});

describe('PutMatchingRulesBodySchema holds to the shared matching rule limits', () => {
  const M = MATCHING_RULE_LIMITS;
  const rule = (fields: Record<string, unknown> = {}) => ({
    name: 'same-email',
    fields: ['email'],
    weight: 10,
    ...fields,
  });
  const ruleSet = (rules: unknown[]) => ({ threshold: 1, rules });
  holdsTo(PutMatchingRulesBodySchema, [
    ['rules', (n) => ruleSet(list(n, (i) => rule({ name: `rule-${i}` }))), M.rules],
    ['rules[0].name', (n) => ruleSet([rule({ name: text(n) })]), M.name],
    [
      'rules[0].fields',
      (n) => ruleSet([rule({ fields: list(n, (i) => MATCH_FIELDS[i % MATCH_FIELDS.length]) })]),
      M.fieldsPerRule,
    ],
    ['rules[0].weight', (n) => ruleSet([rule({ weight: n })]), M.weight],
  ]);
});

describe('import schemas hold to the shared import limits', () => {
  const fileName = (n: number) => ({ fileName: text(n) });
  describe('StartImportBodySchema', () => {
    holdsTo(StartImportBodySchema, [['fileName', fileName, CONTACT_IMPORT_LIMITS.fileName]]);
  });
  describe('OneShotImportQuerySchema', () => {
    holdsTo(OneShotImportQuerySchema, [['fileName', fileName, CONTACT_IMPORT_LIMITS.fileName]]);
  });
});

describe('CreateInteractionBodySchema holds to the shared interaction limits', () => {
  const I = INTERACTION_FIELD_LIMITS;
  const call = (fields: Record<string, unknown>) => ({
    type: 'call',
    occurredAt: '2026-12-01T10:00:00Z',
    participantContactIds: ['c-1'],
    ...fields,
  });
  holdsTo(CreateInteractionBodySchema, [
    ['subject', (n) => call({ subject: text(n) }), I.subject],
    ['body', (n) => call({ body: text(n) }), I.body],
    [
      'participantContactIds',
      (n) => call({ participantContactIds: list(n, (i) => `c-${i}`) }),
      I.participants,
    ],
    ['organizationId', (n) => call({ organizationId: text(n) }), I.id],
    ['campaignId', (n) => call({ campaignId: text(n) }), I.id],
    ['durationMinutes', (n) => call({ durationMinutes: n }), I.durationMinutes],
  ]);
});

const D = DONATION_FIELD_LIMITS;
const DONOR = '0193a1b2-0000-7000-8000-00000000000a';
const gift = (fields: Record<string, unknown>) => ({
  donorId: DONOR,
  amount: { amountMinor: 15000, currency: 'USD' },
  receivedAt: '2026-11-30T09:00:00Z',
  paymentMethod: 'card',
  ...fields,
});
const credit = (i: number) => ({
  contactId: `0193a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`,
  type: 'solicitor',
  amountMinor: 100,
});

describe('CreateDonationBodySchema holds to the shared donation and money limits', () => {
  holdsTo(CreateDonationBodySchema, [
    ['fund', (n) => gift({ fund: text(n) }), D.fund],
    ['campaignId', (n) => gift({ campaignId: text(n) }), D.campaignId],
    ['sourceCode', (n) => gift({ sourceCode: text(n) }), D.sourceCode],
    ['externalReference', (n) => gift({ externalReference: text(n) }), D.externalReference],
    [
      'tribute.honoreeName',
      (n) => gift({ tribute: { type: 'in_memory_of', honoreeName: text(n) } }),
      D.honoreeName,
    ],
    ['softCredits', (n) => gift({ softCredits: list(n, credit) }), D.softCredits],
    [
      'amount.amountMinor',
      (n) => gift({ amount: { amountMinor: n, currency: 'USD' } }),
      MONEY_LIMITS.maxAmountMinor,
    ],
    [
      'softCredits[0].amountMinor',
      (n) => gift({ softCredits: [{ ...credit(1), amountMinor: n }] }),
      MONEY_LIMITS.maxAmountMinor,
    ],
  ]);

  it.each([
    ['a decimal amount', gift({ amount: { amountMinor: 150.5, currency: 'USD' } })],
    ['a zero amount', gift({ amount: { amountMinor: 0, currency: 'USD' } })],
    ['a lower-case currency', gift({ amount: { amountMinor: 1, currency: 'usd' } })],
    ['a currency not in use', gift({ amount: { amountMinor: 1, currency: 'DEM' } })],
    ['an amount as a string', gift({ amount: { amountMinor: '15000', currency: 'USD' } })],
  ])('refuses %s', (_what, body) => {
    expect(CreateDonationBodySchema.safeParse(body).success).toBe(false);
  });
});

describe('RefundBodySchema and DonationListQuerySchema hold to the shared limits', () => {
  holdsTo(RefundBodySchema, [
    ['reason', (n) => ({ amountMinor: 1, reason: text(n) }), D.refundReason],
    [
      'externalReference',
      (n) => ({ amountMinor: 1, externalReference: text(n) }),
      D.externalReference,
    ],
    ['amountMinor', (n) => ({ amountMinor: n }), MONEY_LIMITS.maxAmountMinor],
  ]);
  holdsTo(DonationListQuerySchema, [
    ['campaignId', (n) => ({ campaignId: text(n) }), D.campaignId],
  ]);
});
