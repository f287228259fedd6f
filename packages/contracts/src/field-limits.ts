// Lengths and counts both edges enforce: the gateway's zod schemas refuse early what a
// service's domain validation would refuse, and nothing it accepts. One constant, so
// the two cannot drift apart: services/gateway/test/field-limits.unit.test.ts holds the zod
// schemas to it and services/contact/test/field-limits.unit.test.ts the domain validation
// (a value at each limit passes, one past it is refused). Page sizes are @kith/paging's.

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
  /** A list's free-text search (a name prefix, an email, a phone number). */
  search: 100,
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

/** Consent records (services/contact/src/domain/consent.ts). */
export const CONSENT_FIELD_LIMITS = {
  source: 100,
  statement: 2000,
  campaignId: 200,
} as const;

/** Custom field definitions and values (custom-field-validation.ts, -decisions.ts, -filter.ts). */
export const CUSTOM_FIELD_LIMITS = {
  /** A key: a-z first, then a-z, 0-9 and _. */
  key: 40,
  /** A definition's label and an option's label. */
  label: 100,
  description: 500,
  /** Options of a select, and so values a multi-select holds. */
  options: 200,
  optionValue: 100,
  /** A text value (counted in code points), and the bound of minLength and maxLength. */
  text: 1000,
  pattern: 200,
  /** Definitions a record type may have, archived ones included. */
  perRecordType: 200,
  /** `cf.*` filters one list request may carry. */
  filtersPerQuery: 10,
  /** Definitions a page holds when the request names no size. */
  defaultPageSize: 100,
} as const;

/** Relationships and relationship types (relationship-validation.ts). */
export const RELATIONSHIP_FIELD_LIMITS = {
  description: 500,
  /** labelAToB, labelBToA. */
  label: 100,
  typeCode: 50,
} as const;

/** A tenant's duplicate matching rules (contact-matching.ts). */
export const MATCHING_RULE_LIMITS = {
  rules: 20,
  fieldsPerRule: 4,
  weight: 100,
  /** A rule's name: lower-case letters, digits and dashes. */
  name: 60,
} as const;

/** CSV import jobs (contact-import.ts). */
export const CONTACT_IMPORT_LIMITS = {
  /** Rows per ImportContactRows call: the gateway's batch, the service's most. */
  batchRows: 2000,
  fileName: 200,
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
  /** The years a time is written in (occurredAt, list bounds): a typo'd century is refused. */
  firstYear: 1900,
  lastYear: 2199,
} as const;
