// How a household is stored: one `households` document with its members embedded (current
// and former), so every change is one single-document write carrying the outbox's commit
// record (`_outboxLog`). The one-household-per-person rule lives in `household_memberships`
// (household-membership.model.ts). Written through the driver (household.repository.ts) from
// the domain's already validated state, so no mongoose schema repeats this shape.
import { ensureTenantIndexes } from '@kith/aggregate-store';
import type { OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
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

export function householdsCollection(db: mongo.Db): mongo.Collection<HouseholdDocument> {
  return db.collection<HouseholdDocument>(HOUSEHOLDS_COLLECTION);
}

/**
 * The tenant's list in id order, and "which households list this person" for MongoDB
 * deployments, erasure and export (the hot path uses the membership claim's `_id` instead).
 */
export async function ensureHouseholdIndexes(db: mongo.Db): Promise<void> {
  await ensureTenantIndexes(householdsCollection(db), [{ _id: 1 }, { 'members.contactId': 1 }]);
}
