// The merges the read model has seen: `donor_merges`, one document per victim
// (`<tenant>:<victim>`), victim key → survivor key. The merge hook re-keys the victim's stored
// facts, and dashboards also resolve every fact's key through this map: a gift written under
// the victim's id while the merge was being applied (another consumer group, another partition)
// still counts for the survivor, and a rebuild, which reads gifts from offset 0, gets the same
// answer as the live read model. A few documents per tenant: read whole.
import { ensureTenantIndexes } from '@kith/aggregate-store';
import { retryTransient } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db } from 'mongodb';

export const DONOR_MERGES_COLLECTION = 'donor_merges';

interface DonorMergeDocument {
  _id: string;
  tenantId: string;
  victimKey: string;
  survivorKey: string;
}

const mergeId = (tenantId: string, victimKey: string) =>
  `${encodeURIComponent(tenantId)}:${encodeURIComponent(victimKey)}`;

export class DonorMerges {
  private readonly merges: Collection<DonorMergeDocument>;

  constructor(db: Db) {
    this.merges = db.collection<DonorMergeDocument>(DONOR_MERGES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.merges, [{ survivorKey: 1 }]);
  }

  /** Idempotent: the same merge twice writes the same document. */
  async record(tenantId: string, victimKey: string, survivorKey: string): Promise<void> {
    await retryTransient(() =>
      this.merges.replaceOne(
        { _id: mergeId(tenantId, victimKey) },
        { tenantId, victimKey, survivorKey },
        { upsert: true },
      ),
    );
  }

  /** Victim key → survivor key, for the whole tenant. */
  async mapOf(tenantId: string): Promise<Map<string, string>> {
    const docs = await this.merges.find({ tenantId }, withMaxTime({})).toArray();
    return new Map(docs.map((doc) => [doc.victimKey, doc.survivorKey]));
  }

  /** An erased survivor: merges into it now lead to its anonymous key. */
  async rekeySurvivor(tenantId: string, from: string, to: string): Promise<void> {
    await retryTransient(() =>
      this.merges.updateMany({ tenantId, survivorKey: from }, { $set: { survivorKey: to } }),
    );
  }
}
