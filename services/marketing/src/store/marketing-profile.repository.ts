// The marketing profiles: `marketing_profiles`, one document per contact (`_id`
// <tenant>:<contact>), its latest projected version (domain/marketing-profile.ts). Written by
// the contact lifecycle consumer (one group; a contact's events share a partition, except the
// merge tombstone of a victim, which the merge event carries from the survivor's partition, so
// the version filter of putNewerVersion decides between them).
//
// Segments walk a tenant's profiles in `_id` order (`walk`): one query whose tenant equality
// FerretDB pushes down; its sort runs in Go over what that matched, once per walk, not per page.
import { ensureTenantIndexes, findOwned, putNewerVersion } from '@kith/aggregate-store';
import { retryTransient } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import type { MarketingProfile } from '../domain/marketing-profile';
import { projectionId } from './projection-ids';

export const MARKETING_PROFILES_COLLECTION = 'marketing_profiles';

export interface MarketingProfileDocument extends Omit<MarketingProfile, 'id'> {
  _id: string;
  contactId: string;
}

const OPTIONAL_FIELDS = [
  'mergedInto',
  'displayName',
  'firstName',
  'lastName',
  'preferredName',
  'source',
  'gender',
  'birthDate',
  'createdAt',
  'email',
] as const;

function toProfile(doc: MarketingProfileDocument): MarketingProfile {
  const { _id, contactId, ...state } = doc;
  return { ...state, id: contactId };
}

export class MarketingProfiles {
  readonly collection: Collection<MarketingProfileDocument>;

  constructor(db: Db) {
    this.collection = db.collection<MarketingProfileDocument>(MARKETING_PROFILES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.collection, [{ _id: 1 }, { contactId: 1 }]);
  }

  /** Stores the profile unless this version or a newer one is stored. */
  put(profile: MarketingProfile): Promise<boolean> {
    const { id, ...state } = profile;
    return putNewerVersion(
      this.collection,
      projectionId(profile.tenantId, id),
      { ...state, contactId: id },
      OPTIONAL_FIELDS,
    );
  }

  /** Replaces whatever is stored (an erasure's tombstone must win over any version). */
  async replace(profile: MarketingProfile): Promise<void> {
    const { id, ...state } = profile;
    const _id = projectionId(profile.tenantId, id);
    await retryTransient(() =>
      this.collection.replaceOne({ _id }, { ...state, contactId: id }, { upsert: true }),
    );
  }

  async get(tenantId: string, contactId: string): Promise<MarketingProfile | undefined> {
    const doc = await findOwned(this.collection, tenantId, projectionId(tenantId, contactId));
    return doc ? toProfile(doc) : undefined;
  }

  /**
   * The tenant's active profiles in contact-id order after `afterId`, in batches: one query,
   * streamed. Merged, deleted and erased tombstones are left out by the pushed-down equality.
   */
  async *walk(
    tenantId: string,
    afterId?: string,
    batchSize = 200,
  ): AsyncGenerator<MarketingProfile[]> {
    const filter: Record<string, unknown> = { tenantId, status: 'active' };
    if (afterId !== undefined) filter.contactId = { $gt: afterId };
    const cursor = this.collection.find(filter).sort({ contactId: 1 }).batchSize(batchSize);
    let batch: MarketingProfile[] = [];
    for await (const doc of cursor) {
      batch.push(toProfile(doc));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
