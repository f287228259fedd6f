// Lengths and counts both edges enforce: the gateway's zod schemas refuse early what a
// service's domain validation would refuse, and nothing it accepts. One constant, so
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

/** Interactions (services/interaction/src/domain/interaction-validation.ts). */
export const INTERACTION_FIELD_LIMITS = {
  subject: 500,
  /**
   * Characters of a body, stored once in the interaction's document: a long email is cut to
   * this (bodyTruncated), a logged one refused beyond it.
   */
  body: 65_536,
  /** Participants of one interaction (an email to a board, a meeting of a committee). */
  participants: 50,
  /** Ids of contacts and of other services' records (campaigns, opportunities). */
  id: 64,
  /** A call or meeting longer than a day is two interactions. */
  durationMinutes: 24 * 60,
  /** Bytes of a raw RFC 5322 message given to IngestMail (the gateway answers 413 beyond). */
  rawMailBytes: 10 * 1024 * 1024,
  /** From, To and Cc addresses of one ingested message together. */
  mailAddresses: 200,
} as const;
