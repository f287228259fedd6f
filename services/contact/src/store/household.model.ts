// How a household is stored: one `households` document with its members embedded (current
// and former), so every change is one single-document write carrying the outbox's commit
// record (`_outboxLog`). The one-household-per-person rule lives in `household_memberships`
// (household-membership.model.ts).
import { Schema, type Connection, type Model } from 'mongoose';
import type { OutboxLogRecord } from '@kith/bus';
import type { HouseholdMember } from '../domain/household';
import type { PostalAddress } from '../domain/postal-address';

export const HOUSEHOLDS_COLLECTION = 'households';

export interface HouseholdDocument {
  _id: string;
  tenantId: string;
  version: number;
  name: string;
  greeting: string;
  nameOverride?: string;
  greetingOverride?: string;
  mailingAddress?: PostalAddress;
  members: HouseholdMember[];
  createdAt: string;
  updatedAt: string;
  /** null (not absent) while live, so `{ deletedAt: null }` reads the same on every server. */
  deletedAt: string | null;
  _outboxLog?: OutboxLogRecord[];
}

const addressSchema = new Schema(
  {
    type: { type: String, required: true },
    primary: { type: Boolean, required: true },
    line1: { type: String, required: true },
    line2: String,
    city: String,
    region: String,
    postalCode: String,
    countryCode: { type: String, required: true },
    valid: { type: Boolean, required: true },
    validFrom: String,
    validTo: String,
  },
  { _id: false },
);

const memberSchema = new Schema(
  {
    contactId: { type: String, required: true },
    role: { type: String, enum: ['adult', 'child'], required: true },
    inheritsAddress: { type: Boolean, required: true },
    joinedAt: { type: String, required: true },
    leftAt: String,
    contactVersion: { type: Number, required: true },
    firstName: String,
    lastName: String,
    deceased: Boolean,
  },
  { _id: false },
);

export const householdSchema = new Schema<HouseholdDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    greeting: { type: String, required: true },
    nameOverride: String,
    greetingOverride: String,
    mailingAddress: { type: addressSchema, default: undefined },
    members: { type: [memberSchema], default: [] },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    deletedAt: { type: String, default: null },
    _outboxLog: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: HOUSEHOLDS_COLLECTION, versionKey: false, autoIndex: false },
);

// Tenant first, plain compound indexes only (FerretDB 1.x has no partial or sparse ones):
// the tenant's list in id order, and "which households list this person" for MongoDB
// deployments and repair jobs (the hot path uses the membership claim's `_id` instead).
householdSchema.index({ tenantId: 1, _id: 1 });
householdSchema.index({ tenantId: 1, 'members.contactId': 1 });

export type HouseholdModel = Model<HouseholdDocument>;

export function householdModel(connection: Connection): HouseholdModel {
  return connection.model<HouseholdDocument>('Household', householdSchema, HOUSEHOLDS_COLLECTION);
}

export async function ensureHouseholdIndexes(model: HouseholdModel): Promise<void> {
  await model.createIndexes();
}
