// The gateway's request schemas hold to the limits the contact service's validation uses
// (@kith/contracts field-limits.ts): a value at a limit passes, one past it is refused. If a
// schema and the shared constant drift apart, this fails.
import {
  CONTACT_FIELD_LIMITS,
  DONATION_FIELD_LIMITS,
  HOUSEHOLD_FIELD_LIMITS,
  MONEY_LIMITS,
  POSTAL_ADDRESS_LIMITS,
} from '@kith/contracts';
import { ListQuerySchema } from '../src/modules/contact/contact-list.schema';
import { CreateHouseholdBodySchema } from '../src/modules/contact/household.schema';
import { CreateOrganizationBodySchema } from '../src/modules/contact/organization.schema';
import { CreatePersonBodySchema } from '../src/modules/contact/person.schema';
import {
  CreateDonationBodySchema,
  DonationListQuerySchema,
  RefundBodySchema,
} from '../src/modules/transaction/donation.schema';

const C = CONTACT_FIELD_LIMITS;
const A = POSTAL_ADDRESS_LIMITS;
const text = (n: number) => 'a'.repeat(n);
const list = <T>(n: number, item: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => item(i));
const email = (i: number) => ({ address: `p${i}@example.org` });
const phone = () => ({ number: '+1 555 0100' });
const address = (fields: Record<string, string> = {}) => ({
  line1: '1 Main St',
  countryCode: 'US',
  ...fields,
});
const person = (fields: Record<string, unknown>) => ({
  name: { firstName: 'Ada', lastName: 'Lovelace' },
  ...fields,
});

type Case = [string, (n: number) => unknown, number];

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
  ])('%s: passes at the limit, refused one past it', (_field, query, limit) => {
    expect(ListQuerySchema.safeParse(query(limit)).success).toBe(true);
    expect(ListQuerySchema.safeParse(query(limit + 1)).success).toBe(false);
  });
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
  it.each<Case>([
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
  ])('%s: passes at the limit, refused one past it', (_field, body, limit) => {
    expect(CreateDonationBodySchema.safeParse(body(limit)).success).toBe(true);
    expect(CreateDonationBodySchema.safeParse(body(limit + 1)).success).toBe(false);
  });

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
  it.each<Case>([
    ['reason', (n) => ({ amountMinor: 1, reason: text(n) }), D.refundReason],
    [
      'externalReference',
      (n) => ({ amountMinor: 1, externalReference: text(n) }),
      D.externalReference,
    ],
    ['amountMinor', (n) => ({ amountMinor: n }), MONEY_LIMITS.maxAmountMinor],
  ])('refund %s: passes at the limit, refused one past it', (_field, body, limit) => {
    expect(RefundBodySchema.safeParse(body(limit)).success).toBe(true);
    expect(RefundBodySchema.safeParse(body(limit + 1)).success).toBe(false);
  });

  it('list campaignId: passes at the limit, refused one past it', () => {
    expect(DonationListQuerySchema.safeParse({ campaignId: text(D.campaignId) }).success).toBe(
      true,
    );
    expect(DonationListQuerySchema.safeParse({ campaignId: text(D.campaignId + 1) }).success).toBe(
      false,
    );
  });
});
