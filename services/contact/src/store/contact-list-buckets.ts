// List buckets: every contact is put, when it is created, in one of its tenant's buckets of
// at most `bucketSize` contacts, and a whole-tenant listing reads bucket by bucket in
// (bucket, _id) order (store/contact-list.reader.ts). On FerretDB 1.x a bucket is one equality
// pushed down to an index, so a page costs a bucket, not the tenant.
//
// Each process fills a bucket of its own per tenant, counted in memory: the count needs no
// shared counter (FerretDB's updates are not atomic), and a restart or a second replica only
// opens another bucket, leaving the last one partly filled. A bucket's directory entry is
// written before any contact names it, so a listing that reads the directory sees every
// bucket that holds a contact. Bucket ids are uuid v7, so new buckets sort after old ones and
// a listing stays close to creation order.
import { KeyedLanes, isDuplicateKeyError, retryTransient } from '@kith/bus';
import type { mongo } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';

export const LIST_BUCKETS_COLLECTION = 'contact_list_buckets';

export interface ListBucketDocument {
  _id: string;
  tenantId: string;
  openedAt: string;
}

interface OpenBucket {
  id: string;
  used: number;
}

export class ListBuckets {
  private readonly open = new Map<string, OpenBucket>();
  /** Opening a bucket is a write; one tenant's takers wait for it one after the other. */
  private readonly lanes = new KeyedLanes();

  constructor(
    private readonly directory: mongo.Collection<ListBucketDocument>,
    readonly bucketSize: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.directory.createIndex({ tenantId: 1, _id: 1 });
  }

  /** A bucket for each of these new contacts' tenants, in order. */
  async assign(tenantIds: readonly string[]): Promise<string[]> {
    const counts = new Map<string, number>();
    for (const tenantId of tenantIds) counts.set(tenantId, (counts.get(tenantId) ?? 0) + 1);
    const byTenant = new Map<string, string[]>();
    await Promise.all(
      [...counts].map(async ([tenantId, count]) => {
        byTenant.set(tenantId, await this.take(tenantId, count));
      }),
    );
    return tenantIds.map((tenantId) => byTenant.get(tenantId)!.shift()!);
  }

  /** The tenant's bucket ids in listing order. */
  async list(tenantId: string): Promise<string[]> {
    const docs = await this.directory
      .find({ tenantId }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .toArray();
    return docs.map((doc) => doc._id);
  }

  private take(tenantId: string, count: number): Promise<string[]> {
    return this.lanes.run(tenantId, async () => {
      const buckets: string[] = [];
      while (buckets.length < count) {
        let bucket = this.open.get(tenantId);
        if (!bucket || bucket.used >= this.bucketSize) bucket = await this.openBucket(tenantId);
        const taken = Math.min(count - buckets.length, this.bucketSize - bucket.used);
        bucket.used += taken;
        for (let i = 0; i < taken; i += 1) buckets.push(bucket.id);
      }
      return buckets;
    });
  }

  private async openBucket(tenantId: string): Promise<OpenBucket> {
    const bucket = { id: uuidv7(), used: 0 };
    const entry = { _id: bucket.id, tenantId, openedAt: this.now().toISOString() };
    await retryTransient(() =>
      this.directory.insertOne(entry).catch((err: unknown) => {
        // A retried insert that had landed: the entry is there, which is all that is needed.
        if (isDuplicateKeyError(err)) return;
        throw err;
      }),
    );
    this.open.set(tenantId, bucket);
    return bucket;
  }
}
