// Reads and writes gifts. Every write goes through the outbox (@kith/bus): stage the events
// (which also claims the new version), write state + commit record in one single-document
// write, commit (docs/architecture.md, "the outbox"). Reads that serve a call carry its budget
// (maxTimeMS). Every query filters by tenant: by `_id` alone the tenant is checked in code (a
// foreign tenant's id reads as missing); the others filter on it first.
import {
  retryTransient,
  writeThroughOutbox,
  type Outbox,
  type OutboxItem,
  type OutboxLogRecord,
  type StagedWrite,
} from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, Filter, FindOptions } from 'mongodb';
import type { Donation } from '../domain/donation';
import { DonationError } from '../domain/donation-error';
import type { DonationListQuery } from '../domain/donation-list-query';
import {
  DONATIONS_COLLECTION,
  fromDonationDocument,
  toDonationDocument,
  type DonationDocument,
} from './donation-document';

export interface StoredDonation {
  donation: Donation;
  outboxLog: OutboxLogRecord[];
}

/** What a list read leaves out: the commit record and the derived index array. */
const LIST_PROJECTION = { _outboxLog: 0, softCreditContactIds: 0 } as const;

export class DonationRepository {
  readonly collection: Collection<DonationDocument>;

  constructor(
    db: Db,
    private readonly outbox: Outbox,
  ) {
    this.collection = db.collection<DonationDocument>(DONATIONS_COLLECTION);
  }

  /** Tenant first, as every index that serves a query (docs/architecture.md). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ tenantId: 1, donorId: 1 });
    await this.collection.createIndex({ tenantId: 1, softCreditContactIds: 1 });
    await this.collection.createIndex({ tenantId: 1, receivedAt: -1, _id: -1 });
  }

  /** By `_id` alone (the filter FerretDB pushes down); a foreign tenant's is not found. */
  async findById(tenantId: string, id: string): Promise<StoredDonation | undefined> {
    const doc = await this.collection.findOne({ _id: id }, withMaxTime({}));
    if (!doc || doc.tenantId !== tenantId) return undefined;
    return { donation: fromDonationDocument(doc), outboxLog: doc._outboxLog ?? [] };
  }

  async insert(donation: Donation, items: OutboxItem[]): Promise<void> {
    await this.throughOutbox(donation, items, async (staged) => {
      const doc = { ...toDonationDocument(donation), _outboxLog: staged.outboxLog([]) };
      await retryTransient(() => this.collection.insertOne(doc));
    });
  }

  /** Replaces the state if the stored version is still `donation.version - 1`. */
  async update(donation: Donation, outboxLog: OutboxLogRecord[], items: OutboxItem[]) {
    const expected = donation.version - 1;
    await this.throughOutbox(donation, items, async (staged) => {
      const doc = { ...toDonationDocument(donation), _outboxLog: staged.outboxLog(outboxLog) };
      const result = await retryTransient(() =>
        this.collection.replaceOne(
          { _id: donation.id, tenantId: donation.tenantId, version: expected },
          doc,
        ),
      );
      if (result.matchedCount === 0) throw DonationError.versionConflict(donation.id, expected);
    });
  }

  /** One page in (receivedAt desc, id desc) order; one extra row tells whether more follow. */
  async list(query: DonationListQuery): Promise<Donation[]> {
    const { filter: f, after } = query;
    const filter: Filter<DonationDocument> = { tenantId: query.tenantId };
    if (f.donorId) filter.donorId = f.donorId;
    if (f.status) filter.status = f.status;
    if (f.campaignId) filter.campaignId = f.campaignId;
    if (f.receivedFrom || f.receivedTo) {
      filter.receivedAt = {
        ...(f.receivedFrom ? { $gte: f.receivedFrom } : {}),
        ...(f.receivedTo ? { $lt: f.receivedTo } : {}),
      };
    }
    if (after) {
      filter.$or = [
        { receivedAt: { $lt: after.receivedAt } },
        { receivedAt: after.receivedAt, _id: { $lt: after.id } },
      ];
    }
    const docs = await this.collection
      .find(filter, withMaxTime<FindOptions>({ projection: LIST_PROJECTION }))
      .sort({ receivedAt: -1, _id: -1 })
      .limit(query.pageSize + 1)
      .toArray();
    return docs.map((doc) => fromDonationDocument(doc as DonationDocument));
  }

  /**
   * Every gift naming the contact: as donor, soft-credited or honoured. Two equalities (each
   * pushed down by FerretDB, each served by its index), not an `$or` (which is not).
   */
  async findNaming(tenantId: string, contactId: string): Promise<Donation[]> {
    const read = (filter: Filter<DonationDocument>) =>
      this.collection
        .find(filter, withMaxTime<FindOptions>({ projection: { _outboxLog: 0 } }))
        .toArray();
    const [given, credited] = await Promise.all([
      read({ tenantId, donorId: contactId }),
      read({ tenantId, softCreditContactIds: contactId }),
    ]);
    const byId = new Map<string, Donation>();
    for (const doc of [...given, ...credited]) byId.set(doc._id, fromDonationDocument(doc));
    return [...byId.values()];
  }

  private throughOutbox(
    donation: Donation,
    items: OutboxItem[],
    write: (staged: StagedWrite) => Promise<void>,
  ): Promise<void> {
    return writeThroughOutbox(
      this.outbox,
      {
        collection: DONATIONS_COLLECTION,
        aggregateId: donation.id,
        version: donation.version,
        items,
      },
      write,
      () => DonationError.versionConflict(donation.id, donation.version - 1),
    );
  }
}
