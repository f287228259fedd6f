// Lengths and counts both edges enforce: the gateway's zod schemas refuse early what the
// contact service's domain validation would refuse, and nothing it accepts. One constant, so
// the two cannot drift apart; services/gateway/test/field-limits.unit.test.ts holds the zod
// side to it, the contact service's validation tests its own side.

/** Contact fields (services/contact/src/domain/contact-validation.ts). */
export const CONTACT_FIELD_LIMITS = {
  name: 100,
  /** Prefix, suffix. */
  namePart: 20,
  organizationName: 200,
  organizationType: 100,
  website: 500,
  email: 254,
  emails: 20,
  phone: 40,
  phoneDigitsMin: 3,
  phoneDigitsMax: 20,
  phones: 20,
  tag: 50,
  tags: 100,
  source: 100,
  ownerId: 200,
  gender: 50,
  pronouns: 50,
} as const;

/** Postal addresses of contacts and households; `count` is per contact. */
export const POSTAL_ADDRESS_LIMITS = {
  line: 200,
  city: 100,
  region: 100,
  postalCode: 20,
  count: 10,
} as const;

export const HOUSEHOLD_FIELD_LIMITS = {
  /** Formal name and greeting overrides. */
  name: 200,
  /** Current members: a household is people living together, not a mailing list. */
  currentMembers: 20,
  /** Entries including former members, so the document stays small. */
  members: 100,
} as const;

/** Donations (services/transaction/src/domain/donation-validation.ts). */
export const DONATION_FIELD_LIMITS = {
  fund: 100,
  campaignId: 200,
  sourceCode: 100,
  externalReference: 200,
  honoreeName: 200,
  refundReason: 500,
  /** Explicit and automatic together: a household of 20 plus solicitors and matches. */
  softCredits: 50,
  /** Partial refunds of one gift; the document stays small. */
  refunds: 100,
} as const;
