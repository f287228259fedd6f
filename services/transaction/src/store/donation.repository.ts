// Reads and writes gifts on @kith/aggregate-store: every write goes through the outbox (the
// intent claims the new version, then one single-document write carries state and commit
// record; docs/architecture.md, "the outbox"), a read by id is `findOwned` (`{_id}` alone, the
// tenant checked in code: a foreign tenant's id reads as missing). The listing and the "gifts
// naming a contact" reads are this service's own: they filter on the tenant first and carry
// the call's budget (maxTimeMS).
import {
  ensureTenantIndexes,
  findOwned,
  insertVersioned,
  updateVersioned,
  type AggregateStore,
} from '@kith/aggregate-store';
import { InsertBatcher, type Outbox, type OutboxItem, type OutboxLogRecord } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, Filter, FindOptions } from 'mongodb';
import type { Donation } from '../domain/donation';
import { DonationError } from '../domain/donation-error';
import type { DonationListQuery } from '../domain/donation-list-query';
import {
  DONATIONS_COLLECTION,
  OPTIONAL_DONATION_FIELDS,
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
  private readonly store: AggregateStore<DonationDocument>;

  constructor(db: Db, outbox: Outbox) {
    this.collection = db.collection<DonationDocument>(DONATIONS_COLLECTION);
    // New gifts group-committed: concurrent creates share one insertMany (a duplicate `_id`
    // still fails only its own create), one FerretDB round trip for many.
    this.store = {
      collection: this.collection,
      outbox,
      inserts: new InsertBatcher(this.collection),
    };
  }

  /** Tenant first, as every index that serves a query (docs/architecture.md). */
  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.collection, [
      { donorId: 1 },
      { softCreditContactIds: 1 },
      { receivedAt: -1, _id: -1 },
    ]);
  }

  /** By `_id` alone (the filter FerretDB pushes down); a foreign tenant's is not found. */
  async findById(tenantId: string, id: string): Promise<StoredDonation | undefined> {
    const doc = await findOwned(this.collection, tenantId, id);
    return doc
      ? { donation: fromDonationDocument(doc), outboxLog: doc._outboxLog ?? [] }
      : undefined;
  }

  async insert(donation: Donation, items: OutboxItem[]): Promise<void> {
    await insertVersioned(this.store, toDonationDocument(donation), {
      items,
      conflict: () => DonationError.versionConflict(donation.id, 0),
    });
  }

  /** Replaces the state if the stored version is still `donation.version - 1`. */
  async update(donation: Donation, outboxLog: OutboxLogRecord[], items: OutboxItem[]) {
    const expectedVersion = donation.version - 1;
    await updateVersioned(this.store, toDonationDocument(donation), {
      expectedVersion,
      outboxLog,
      items,
      optionalFields: OPTIONAL_DONATION_FIELDS,
      conflict: () => DonationError.versionConflict(donation.id, expectedVersion),
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
}
