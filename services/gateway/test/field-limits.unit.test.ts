// The gateway's request schemas hold to the limits the contact service's validation uses
// (@kith/contracts field-limits.ts): a value at a limit passes, one past it is refused. If a
// schema and the shared constant drift apart, this fails.
import {
  CONTACT_FIELD_LIMITS,
  HOUSEHOLD_FIELD_LIMITS,
  INTERACTION_FIELD_LIMITS,
  POSTAL_ADDRESS_LIMITS,
} from '@kith/contracts';
import { CreateInteractionBodySchema } from '../src/modules/interaction/interaction.schema';
import { ListQuerySchema } from '../src/modules/contact/contact-list.schema';
import { CreateHouseholdBodySchema } from '../src/modules/contact/household.schema';
import { CreateOrganizationBodySchema } from '../src/modules/contact/organization.schema';
import { CreatePersonBodySchema } from '../src/modules/contact/person.schema';

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

describe('CreateInteractionBodySchema holds to the shared interaction limits', () => {
  const I = INTERACTION_FIELD_LIMITS;
  const call = (fields: Record<string, unknown>) => ({
    type: 'call',
    occurredAt: '2026-12-01T10:00:00Z',
    participantContactIds: ['c-1'],
    ...fields,
  });
  it.each<Case>([
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
  ])('%s: passes at the limit, refused one past it', (_field, body, limit) => {
    expect(CreateInteractionBodySchema.safeParse(body(limit)).success).toBe(true);
    expect(CreateInteractionBodySchema.safeParse(body(limit + 1)).success).toBe(false);
  });
});
