// How a contact is stored: one `contacts` collection for people and organizations
// (`kind` tells them apart), each document with the outbox's commit record (`_outboxLog`).
import { Schema, type Connection, type Model } from 'mongoose';
import type { OutboxLogRecord } from '@kith/bus';
import type {
  ContactKind,
  EmailAddress,
  HouseholdAddress,
  OrganizationProfile,
  PersonName,
  PhoneNumber,
} from '../domain/contact';
import type { CommunicationPreferences, ConsentRecord } from '../domain/consent';
import type { CustomFieldValue } from '../domain/custom-field';
import type { PostalAddress } from '../domain/postal-address';

export const CONTACTS_COLLECTION = 'contacts';

export interface ContactDocument {
  _id: string;
  tenantId: string;
  kind: ContactKind;
  version: number;
  displayName: string;
  searchNames: string[];
  /** Derived (domain/contact-search.ts): what the `search` filter matches by prefix. */
  searchKeys?: string[];
  /** Derived: every prefix of the search keys, what search and name filters look up. */
  searchPrefixes?: string[];
  /** The list bucket it was put in when created (store/contact-list-buckets.ts). */
  listBucket?: string;
  person?: PersonName;
  organization?: OrganizationProfile;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  addresses?: PostalAddress[];
  tags: string[];
  source?: string;
  ownerId?: string;
  birthDate?: string;
  gender?: string;
  pronouns?: string;
  /** Absent on documents written before the field existed: read as false. */
  deceased?: boolean;
  deceasedDate?: string;
  doNotContact?: boolean;
  /** Absent on documents written before the field existed. */
  customFields?: Record<string, CustomFieldValue>;
  communication?: CommunicationPreferences;
  consentHistory?: ConsentRecord[];
  /** The household mailing address the person inherits (events/household-address.consumer.ts). */
  householdAddress?: HouseholdAddress;
  createdAt: string;
  updatedAt: string;
  /** null (not absent) while live, so `{ deletedAt: null }` reads the same on every server. */
  deletedAt: string | null;
  /** Set by a GDPR erasure; absent otherwise. */
  erasedAt?: string;
  /** Merge victims only (see domain/contact-merge.ts). */
  mergedInto?: string;
  /** Victims this contact absorbed: a retried merge checks it (app/contact-merge.service.ts). */
  mergedFrom?: string[];
  _outboxLog?: OutboxLogRecord[];
}

const personSchema = new Schema(
  {
    prefix: String,
    firstName: String,
    middleName: String,
    lastName: String,
    suffix: String,
    preferredName: String,
  },
  { _id: false },
);

const organizationSchema = new Schema(
  { name: { type: String, required: true }, organizationType: String, website: String },
  { _id: false },
);

const emailSchema = new Schema(
  {
    address: { type: String, required: true },
    type: { type: String, required: true },
    primary: { type: Boolean, required: true },
    valid: { type: Boolean, default: true },
  },
  { _id: false },
);

const phoneSchema = new Schema(
  {
    number: { type: String, required: true },
    normalized: { type: String, required: true },
    type: { type: String, required: true },
    primary: { type: Boolean, required: true },
    valid: { type: Boolean, default: true },
  },
  { _id: false },
);

export const contactSchema = new Schema<ContactDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, enum: ['person', 'organization'], required: true },
    version: { type: Number, required: true },
    displayName: { type: String, required: true },
    searchNames: { type: [String], default: [] },
    searchKeys: { type: [String], default: [] },
    searchPrefixes: { type: [String], default: [] },
    listBucket: String,
    person: { type: personSchema, default: undefined },
    organization: { type: organizationSchema, default: undefined },
    emails: { type: [emailSchema], default: [] },
    phones: { type: [phoneSchema], default: [] },
    // Validated by the domain (postal-address.ts); stored as given.
    addresses: { type: Schema.Types.Mixed, default: () => [] },
    tags: { type: [String], default: [] },
    source: String,
    ownerId: String,
    birthDate: String,
    gender: String,
    pronouns: String,
    deceased: { type: Boolean, default: false },
    deceasedDate: String,
    doNotContact: { type: Boolean, default: false },
    // Values keyed by custom field key (no `.` or `$`: keys are slugs), validated by the domain.
    customFields: { type: Schema.Types.Mixed, default: () => ({}) },
    // Current consent per channel and the append-only history (domain/consent.ts).
    communication: { type: Schema.Types.Mixed, default: () => ({}) },
    consentHistory: { type: Schema.Types.Mixed, default: () => [] },
    // A copy of a household's address; absent unless the person inherits one.
    householdAddress: { type: Schema.Types.Mixed, default: undefined },
    // ISO-8601 strings, as the API and events carry them; they sort chronologically.
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    deletedAt: { type: String, default: null },
    erasedAt: String,
    mergedInto: String,
    mergedFrom: { type: [String], default: undefined },
    // The outbox's commit records of recent writes (owned by @kith/bus), stored as given.
    _outboxLog: { type: Schema.Types.Mixed, default: () => [] },
  },
  {
    collection: CONTACTS_COLLECTION,
    versionKey: false,
    // Created explicitly at start-up (ensureContactIndexes), so start fails loudly if the
    // server refuses one, instead of mongoose logging it in the background.
    autoIndex: false,
  },
);

// Every index starts with tenantId (tenant-scoped queries) and is plain or compound:
// FerretDB 1.x has no partial, sparse, TTL or collation indexes. One per list filter.
contactSchema.index({ tenantId: 1, _id: 1 });
contactSchema.index({ tenantId: 1, kind: 1, _id: 1 });
// Whole-tenant listings read bucket by bucket; search, name and email filters look up a prefix.
contactSchema.index({ tenantId: 1, listBucket: 1, _id: 1 });
contactSchema.index({ tenantId: 1, searchPrefixes: 1 });
// Duplicate candidates look up name parts.
contactSchema.index({ tenantId: 1, searchNames: 1 });
contactSchema.index({ tenantId: 1, 'emails.address': 1 });
contactSchema.index({ tenantId: 1, tags: 1 });
// Duplicate candidates (store/duplicate-candidates.reader.ts) look up phones and postal codes.
contactSchema.index({ tenantId: 1, 'phones.normalized': 1 });
contactSchema.index({ tenantId: 1, 'addresses.postalCode': 1 });

export type ContactModel = Model<ContactDocument>;

export function contactModel(connection: Connection): ContactModel {
  return connection.model<ContactDocument>('Contact', contactSchema, CONTACTS_COLLECTION);
}

export async function ensureContactIndexes(model: ContactModel): Promise<void> {
  await model.createIndexes();
}
