// The contact aggregate as the domain sees it: plain data, no persistence or transport types.

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
}

export interface PhoneNumber {
  /** As entered (trimmed). */
  number: string;
  /** Digits only, with a leading `+` kept: the form used for matching. */
  normalized: string;
  type: PhoneType;
  primary: boolean;
}

/** The writable part of a contact (mirrors proto ContactFields). */
export interface ContactFields {
  person?: PersonName;
  organization?: OrganizationProfile;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  tags: string[];
  source?: string;
  ownerId?: string;
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
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

/**
 * What a caller sends before validation: every string may be untrimmed or empty, every
 * list may hold duplicates. Validation turns it into ContactFields.
 */
export interface ContactFieldsInput {
  person?: PersonName;
  organization?: Partial<OrganizationProfile>;
  emails?: Array<{ address: string; type?: string; primary?: boolean }>;
  phones?: Array<{ number: string; type?: string; primary?: boolean }>;
  tags?: string[];
  source?: string;
  ownerId?: string;
}

export interface ContactListFilter {
  kind?: ContactKind;
  namePrefix?: string;
  email?: string;
  tag?: string;
}

export interface ContactListQuery extends ContactListFilter {
  tenantId: string;
  pageSize: number;
  /** Exclusive lower bound on the id (ids are uuid v7, so this is creation order). */
  afterId?: string;
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
