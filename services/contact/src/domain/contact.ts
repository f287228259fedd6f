// The contact aggregate as the domain sees it: plain data, no persistence or transport types.
import type { CommunicationPreferences, ConsentRecord } from './consent';
import type { CustomFieldValue } from './custom-field';
import type { PostalAddress, PostalAddressInput } from './postal-address';

export const CONTACT_KINDS = ['person', 'organization'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const EMAIL_TYPES = ['home', 'work', 'other'] as const;
export type EmailType = (typeof EMAIL_TYPES)[number];

export const PHONE_TYPES = ['home', 'work', 'mobile', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export interface PersonName {
  prefix?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  suffix?: string;
  preferredName?: string;
}

export interface OrganizationProfile {
  name: string;
  organizationType?: string;
  website?: string;
}

export interface EmailAddress {
  /** Trimmed and lowercased, so an exact-email filter is a plain equality match. */
  address: string;
  type: EmailType;
  primary: boolean;
  /** False once mail bounced hard: outreach by email skips it. */
  valid: boolean;
}

export interface PhoneNumber {
  /** As entered (trimmed). */
  number: string;
  /** Digits only, with a leading `+` kept: the form used for matching. */
  normalized: string;
  type: PhoneType;
  primary: boolean;
  /** False once the number proved wrong or disconnected. */
  valid: boolean;
}

/** The writable part of a contact (mirrors proto ContactFields). */
export interface ContactFields {
  person?: PersonName;
  organization?: OrganizationProfile;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  addresses: PostalAddress[];
  tags: string[];
  source?: string;
  ownerId?: string;
  /** Persons only. YYYY-MM-DD. */
  birthDate?: string;
  /** Persons only; free text as the person describes it. */
  gender?: string;
  /** Persons only, e.g. "she/her". */
  pronouns?: string;
  /** Persons only. A deceased person is never contacted. */
  deceased: boolean;
  /** Persons only; YYYY-MM-DD; implies `deceased`. */
  deceasedDate?: string;
  /** Do not contact on any channel, whatever the channel preferences say. */
  doNotContact: boolean;
  /** Values of the tenant's custom fields for this record type, normalized (custom-field-values.ts). */
  customFields: Record<string, CustomFieldValue>;
}

/**
 * The mailing address of the household a person belongs to and inherits from (the member's
 * `inheritsAddress`). A copy kept current by events/household-address.consumer.ts, so
 * reachability and events can count it without reading the household.
 */
export interface HouseholdAddress {
  householdId: string;
  /** As the household holds it, valid or not: reachability decides whether it is usable. */
  address: PostalAddress;
}

export interface Contact extends ContactFields {
  id: string;
  tenantId: string;
  kind: ContactKind;
  /** Starts at 1; every accepted change adds one. */
  version: number;
  /** Derived from the names; see deriveDisplayName. */
  displayName: string;
  /** Derived normalized names that the name-prefix filter matches against. */
  searchNames: string[];
  /** Current status per channel; a channel missing here is 'unknown'. Changed only by consent records. */
  communication: CommunicationPreferences;
  /** Every consent change, oldest first; never rewritten. */
  consentHistory: ConsentRecord[];
  /** Set while the person inherits a household's mailing address; only the household changes it. */
  householdAddress?: HouseholdAddress;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
  /** Set by a GDPR erasure (domain/contact-erase.ts); an erased contact is also deleted. */
  erasedAt?: string;
  /** Set on a merge victim (with deletedAt): the contact that absorbed it. */
  mergedInto?: string;
  /** The victims this contact absorbed, so a retried merge sees it is already done. */
  mergedFrom?: string[];
}

/**
 * What a caller sends before validation: every string may be untrimmed or empty, every
 * list may hold duplicates. Validation turns it into ContactFields.
 */
export interface ContactFieldsInput {
  person?: PersonName;
  organization?: Partial<OrganizationProfile>;
  emails?: Array<{ address: string; type?: string; primary?: boolean; valid?: boolean }>;
  phones?: Array<{ number: string; type?: string; primary?: boolean; valid?: boolean }>;
  addresses?: PostalAddressInput[];
  tags?: string[];
  source?: string;
  ownerId?: string;
  birthDate?: string;
  gender?: string;
  pronouns?: string;
  deceased?: boolean;
  deceasedDate?: string;
  doNotContact?: boolean;
  /** Raw values by key; null clears. Checked against the definitions by the decisions. */
  customFields?: Record<string, unknown>;
}

export interface ContactListFilter {
  kind?: ContactKind;
  namePrefix?: string;
  email?: string;
  tag?: string;
  /** Prefix search over names, emails and phone digits: the forms of contact-search.ts. */
  searchForms?: string[];
  doNotContact?: boolean;
  deceased?: boolean;
}

/**
 * Where a page starts. A narrowed listing (domain/contact-list-query.ts, listingMode) is in id
 * order and resumes after an id; a whole-tenant listing reads list buckets in order and
 * resumes after an id inside a bucket, or at the start of a bucket.
 */
export type ContactListPosition =
  { mode: 'narrowed'; afterId: string } | { mode: 'buckets'; bucket: string; afterId?: string };

export interface ContactListQuery extends ContactListFilter {
  tenantId: string;
  pageSize: number;
  /** Absent on the first page. */
  after?: ContactListPosition;
  /** Conditions on `customFields.<key>` built by custom-field-filter.ts. */
  customFieldFilter?: Record<string, unknown>;
}

export interface ContactPage {
  contacts: Contact[];
  nextPageToken?: string;
}

/** The parts of a person's name, in the order they are written. */
export const PERSON_NAME_PARTS = [
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'preferredName',
] as const;
