// Segments and campaigns on @kith/aggregate-store: `segments` and `campaigns`, one document
// each (`_id` the id, the tenant checked by findOwned), every write through the outbox with its
// events. Lists are by id after a cursor (a tenant has tens to hundreds of each).
import {
  ensureTenantIndexes,
  findOwned,
  insertVersioned,
  listAfterCursor,
  updateVersioned,
  type AggregateCollection,
  type AggregateStore,
  type VersionedDocument,
} from '@kith/aggregate-store';
import type { Outbox, OutboxItem, OutboxLogRecord } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import type { Campaign } from '../domain/campaign';
import { CampaignError, SegmentError } from '../domain/marketing-error';
import type { Segment } from '../domain/segment';

export const SEGMENTS_COLLECTION = 'segments';
export const CAMPAIGNS_COLLECTION = 'campaigns';

export interface Stored<T> {
  value: T;
  outboxLog: OutboxLogRecord[];
}

type Doc<T> = Omit<T, 'id'> & VersionedDocument;

/** One aggregate kind: find, insert, update, list; the same calls for segments and campaigns. */
export class AggregateRepository<T extends { id: string; tenantId: string; version: number }> {
  readonly collection: Collection<Doc<T>>;
  private readonly store: AggregateStore<Doc<T>>;

  constructor(
    db: Db,
    outbox: Outbox,
    name: string,
    private readonly conflict: (id: string, expected: number) => Error,
    private readonly optionalFields: ReadonlyArray<string>,
  ) {
    this.collection = db.collection<Doc<T>>(name);
    // The generic document type hides from TypeScript that a Doc<T> always carries its _id.
    this.store = { collection: this.collection as unknown as AggregateCollection<Doc<T>>, outbox };
  }

  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.collection, [{ _id: 1 }]);
  }

  async findById(tenantId: string, id: string): Promise<Stored<T> | undefined> {
    const doc = await findOwned(this.collection, tenantId, id);
    return doc ? { value: fromDoc<T>(doc), outboxLog: doc._outboxLog ?? [] } : undefined;
  }

  async insert(value: T, items: OutboxItem[]): Promise<void> {
    await insertVersioned(this.store, toDoc(value), {
      items,
      conflict: () => this.conflict(value.id, 0),
    });
  }

  async update(value: T, outboxLog: OutboxLogRecord[], items: OutboxItem[]): Promise<void> {
    const expectedVersion = value.version - 1;
    await updateVersioned(this.store, toDoc(value), {
      expectedVersion,
      outboxLog,
      items,
      optionalFields: this.optionalFields as Array<keyof Doc<T> & string>,
      conflict: () => this.conflict(value.id, expectedVersion),
    });
  }

  async list(
    tenantId: string,
    afterId: string | undefined,
    pageSize: number,
    filter?: Record<string, unknown>,
  ) {
    const page = await listAfterCursor(this.collection, {
      tenantId,
      pageSize,
      ...(afterId ? { afterId } : {}),
      ...(filter ? { filter } : {}),
    });
    return { items: page.items.map((d) => fromDoc<T>(d)), hasMore: page.hasMore };
  }
}

function toDoc<T extends { id: string; tenantId: string; version: number }>(value: T): Doc<T> {
  const { id, ...state } = JSON.parse(JSON.stringify(value)) as T;
  return { _id: id, ...state } as unknown as Doc<T>;
}

function fromDoc<T>(doc: Doc<T>): T {
  const { _id, _outboxLog: _log, ...state } = doc as Doc<T> & { _outboxLog?: unknown };
  return { id: _id, ...state } as unknown as T;
}

export function segmentRepository(db: Db, outbox: Outbox): AggregateRepository<Segment> {
  return new AggregateRepository<Segment>(
    db,
    outbox,
    SEGMENTS_COLLECTION,
    (id, expected) => SegmentError.versionConflict(id, expected),
    ['description', 'deletedAt'],
  );
}

export function campaignRepository(db: Db, outbox: Outbox): AggregateRepository<Campaign> {
  return new AggregateRepository<Campaign>(
    db,
    outbox,
    CAMPAIGNS_COLLECTION,
    (id, expected) => CampaignError.versionConflict(id, expected),
    ['sourceCode', 'sendKey', 'counts', 'sendStartedAt', 'sendFinishedAt'],
  );
}
