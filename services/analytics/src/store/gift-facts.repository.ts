// The gift facts of every read model version: `gift_facts`, one document per (version of the
// read model, donation, donation version), `_id` `<tenant>:<readModel>:<donation>:<version>`.
// Each fact is an insert, never an update guarded by a version: while a rebuild runs, the live
// group and the rebuild's group both write the new version's facts, and FerretDB's updates are
// a read and a write-back, so two writers of one document could leave the older version on
// top. A duplicate insert is a no-op; readers take the newest version of each donation
// (latestFacts), and older versions are deleted after each insert. Every read is equality on
// top-level fields, which FerretDB pushes down (`@>` on PostgreSQL, served by the GIN indexes
// of deploy/local/ferretdb-gin-indexes.sql).
import { ensureTenantIndexes } from '@kith/aggregate-store';
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, FindOptions } from 'mongodb';
import { latestFacts, type GiftFact } from '../domain/gift-fact';

export const GIFT_FACTS_COLLECTION = 'gift_facts';

export interface GiftFactDocument extends GiftFact {
  _id: string;
  readModel: number;
}

const factId = (readModel: number, fact: GiftFact) =>
  [
    encodeURIComponent(fact.tenantId),
    readModel,
    encodeURIComponent(fact.donationId),
    fact.version,
  ].join(':');

/** What a dashboard reads of each fact. */
export const DASHBOARD_PROJECTION = {
  _id: 0,
  donationId: 1,
  version: 1,
  donorKey: 1,
  currency: 1,
  amountMinor: 1,
  refundedMinor: 1,
  month: 1,
  status: 1,
} as const;

const toFact = ({ _id, readModel: _readModel, ...fact }: GiftFactDocument): GiftFact => fact;

export class GiftFacts {
  readonly collection: Collection<GiftFactDocument>;

  constructor(db: Db) {
    this.collection = db.collection<GiftFactDocument>(GIFT_FACTS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.collection, [
      { readModel: 1 },
      { donorKey: 1 },
      { donationId: 1 },
    ]);
  }

  /** The stored versions of one donation's fact in a read model, newest first. */
  async versionsOf(tenantId: string, readModel: number, donationId: string): Promise<GiftFact[]> {
    const docs = await retryTransient(() =>
      this.collection.find({ tenantId, readModel, donationId }, withMaxTime({})).toArray(),
    );
    return docs.map(toFact).sort((a, b) => b.version - a.version);
  }

  /** Stores the fact (a repeat is a no-op), then deletes the donation's older versions. */
  async put(readModel: number, fact: GiftFact): Promise<void> {
    try {
      await retryTransient(() =>
        this.collection.insertOne({ ...fact, _id: factId(readModel, fact), readModel }),
      );
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const stored = await this.versionsOf(fact.tenantId, readModel, fact.donationId);
    const newest = stored[0]?.version ?? fact.version;
    const older = stored.filter((f) => f.version < newest).map((f) => factId(readModel, f));
    if (older.length > 0) {
      await retryTransient(() => this.collection.deleteMany({ _id: { $in: older } }));
    }
  }

  /** The newest fact of every gift of the tenant in the read model. */
  async latest(tenantId: string, readModel: number): Promise<GiftFact[]> {
    const docs = await this.collection
      .find({ tenantId, readModel }, withMaxTime<FindOptions>({ projection: DASHBOARD_PROJECTION }))
      .toArray();
    return latestFacts(docs.map((doc) => ({ ...doc, tenantId }) as GiftFact));
  }

  /** Every stored fact counted for the donor key, in any read model version. */
  async ofDonor(tenantId: string, donorKey: string): Promise<GiftFactDocument[]> {
    return this.collection.find({ tenantId, donorKey }, withMaxTime({})).toArray();
  }

  /** Moves every fact of `from` (every read model version) to `to`; idempotent. */
  async rekey(tenantId: string, from: string, to: string): Promise<void> {
    if (from === to) return;
    await retryTransient(() =>
      this.collection.updateMany({ tenantId, donorKey: from }, { $set: { donorKey: to } }),
    );
  }

  /** Drops a read model version of the tenant (after a switch, or an abandoned rebuild). */
  async dropReadModel(tenantId: string, readModel: number): Promise<number> {
    const result = await retryTransient(() => this.collection.deleteMany({ tenantId, readModel }));
    return result.deletedCount;
  }
}
