// Transactional outbox without multi-document transactions (FerretDB 1.x has none) and
// without reading the aggregate collection on the hot path (on FerretDB 1.x every lookup in
// a big collection scans it). A write of an aggregate goes:
//
//  1. stage:  insert an intent { _id: "<collection>:<id>:<version>", entries } into the small
//             outbox collection. The _id is unique, so this also claims the version: two
//             writers racing for the same version cannot both stage (FerretDB's updates are a
//             read then a write, so the version filter alone would not stop a lost update).
//  2. write:  the aggregate's state plus `_outboxLog` (the event ids of its recent writes) in
//             ONE single-document write; that write is the commit record.
//  3. commit: tell this process's relay, in memory, that the intent may go out. No database
//             write: on FerretDB an update costs a table scan under the database's single
//             write lock, and this would be one per event (bench/contact-write).
//
// The relay publishes its own process's committed intents and deletes them. An intent of a
// process that died (or of another replica, if it lingers) is resolved after a grace period
// against the aggregate's `_outboxLog`, the durable commit record.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Collection, Db } from 'mongodb';
import type { EventEnvelope } from '@kith/events';
import { InsertBatcher } from './insert-batcher';
import { isDuplicateKeyError, retryTransient } from './store-retry.util';

export interface OutboxItem {
  topic: string;
  key: string;
  event: EventEnvelope;
}

export interface OutboxEntry extends OutboxItem {
  /** Order of the entry within its write. */
  seq: number;
}

export interface OutboxIntent {
  _id: string;
  collection: string;
  aggregateId: string;
  /** The aggregate version the write produces. */
  version: number;
  entries: OutboxEntry[];
  /** The Outbox instance (one per process) that staged it. */
  owner: string;
  stagedAt: Date;
}

/** One write's event ids, kept in the aggregate document. */
export interface OutboxLogRecord {
  version: number;
  eventIds: string[];
}

export const DEFAULT_OUTBOX_COLLECTION = 'outbox';

/**
 * Many aggregates created at once (a bulk import's batch), staged as ONE small document that
 * names them, without their events: each event repeats its aggregate's whole state, and
 * FerretDB charges per byte and per document (bench/README.md, contact-import). The events
 * stay in the writer's memory; if the writer dies before they go out, the relay reads the
 * documents back and has the collection's rebuilder say their creation again, with the event
 * ids the documents logged.
 */
export interface OutboxCreatesIntent {
  _id: string;
  collection: string;
  aggregateIds: string[];
  /** What the collection's rebuilder needs besides the documents (actor, trace context). */
  meta: Record<string, string>;
  owner: string;
  stagedAt: Date;
}

/** Creates intents live in a collection of their own next to the intents. */
export function createsCollectionName(intents: string): string {
  return `${intents}_creates`;
}

const CREATES_ID_PREFIX = '!creates:';

export function isCreatesIntentId(id: string): boolean {
  return id.startsWith(CREATES_ID_PREFIX);
}

/** How many recent writes an aggregate remembers in `_outboxLog`. */
export const OUTBOX_LOG_SIZE = 16;

export class OutboxVersionClaimedError extends Error {
  override readonly name = 'OutboxVersionClaimedError';

  constructor(
    readonly aggregateId: string,
    readonly version: number,
  ) {
    super(`version ${version} of ${aggregateId} is being written by someone else`);
  }
}

export interface StagedWrite {
  readonly entries: OutboxEntry[];
  /** The aggregate's new `_outboxLog`: put it in the same single-document write as the state. */
  outboxLog(previous: OutboxLogRecord[] | undefined): OutboxLogRecord[];
  /** After the aggregate write succeeded: the relay of this process may publish it. */
  commit(): void;
  /** After the aggregate write failed: frees the version. */
  abandon(): Promise<void>;
}

export interface StagedCreates {
  /** The `_outboxLog` of one of the new documents: put it in the document. */
  outboxLog(aggregateId: string): OutboxLogRecord[];
  /** After the insert: the events of the documents written may go out; the rest are dropped. */
  commit(writtenIds: readonly string[]): void;
}

export function intentId(collection: string, aggregateId: string, version: number): string {
  // Zero-padded, so sorting ids orders an aggregate's intents by version.
  return `${collection}:${aggregateId}:${String(version).padStart(12, '0')}`;
}

/**
 * Stored as its JSON form: what goes to Kafka is JSON anyway, and the driver would otherwise
 * store `undefined` fields as null, which the event schemas (optional, not nullable) reject.
 */
function toEntry(item: OutboxItem, seq: number): OutboxEntry {
  return { seq, topic: item.topic, key: item.key, event: JSON.parse(JSON.stringify(item.event)) };
}

export class Outbox {
  readonly intents: Collection<OutboxIntent>;
  readonly creates: Collection<OutboxCreatesIntent>;
  /** Tells this process's intents from those of other processes (dead or alive). */
  readonly owner = randomUUID();
  /** Committed by this process, not yet published. */
  private readonly committed = new Map<string, OutboxIntent>();
  /** Published or dropped by this process's relay, not yet deleted (deletes are batched). */
  private readonly done = new Set<string>();
  private readonly stager: InsertBatcher<OutboxIntent>;
  private readonly emitter = new EventEmitter();

  constructor(db: Db, opts: { collection?: string } = {}) {
    const name = opts.collection ?? DEFAULT_OUTBOX_COLLECTION;
    this.intents = db.collection<OutboxIntent>(name);
    this.creates = db.collection<OutboxCreatesIntent>(createsCollectionName(name));
    this.stager = new InsertBatcher(this.intents);
  }

  /** Step 1. Throws OutboxVersionClaimedError when another writer holds this version. */
  async stage(args: {
    collection: string;
    aggregateId: string;
    version: number;
    items: OutboxItem[];
    now?: Date;
  }): Promise<StagedWrite> {
    const intent: OutboxIntent = {
      _id: intentId(args.collection, args.aggregateId, args.version),
      collection: args.collection,
      aggregateId: args.aggregateId,
      version: args.version,
      entries: args.items.map((item, i) => toEntry(item, i + 1)),
      owner: this.owner,
      stagedAt: args.now ?? new Date(),
    };
    try {
      await this.stager.insert(intent);
    } catch (err) {
      if (isDuplicateKeyError(err))
        throw new OutboxVersionClaimedError(args.aggregateId, args.version);
      throw err;
    }
    const eventIds = intent.entries.map((e) => e.event.id);
    return {
      entries: intent.entries,
      outboxLog: (previous = []) =>
        [...previous, { version: intent.version, eventIds }].slice(-OUTBOX_LOG_SIZE),
      commit: () => {
        this.committed.set(intent._id, intent);
        this.emitter.emit('committed');
      },
      abandon: async () => {
        await retryTransient(() => this.intents.deleteOne({ _id: intent._id }));
      },
    };
  }

  /**
   * Step 1 for many new aggregates at once (version 1 each). Nothing is claimed: new ids are
   * fresh, and the documents' unique `_id` refuses a second insert anyway.
   */
  async stageCreates(args: {
    collection: string;
    creates: ReadonlyArray<{ aggregateId: string; items: OutboxItem[] }>;
    meta?: Record<string, string>;
    now?: Date;
  }): Promise<StagedCreates> {
    const stagedAt = args.now ?? new Date();
    const intent: OutboxCreatesIntent = {
      _id: `${CREATES_ID_PREFIX}${args.collection}:${randomUUID()}`,
      collection: args.collection,
      aggregateIds: args.creates.map((c) => c.aggregateId),
      meta: args.meta ?? {},
      owner: this.owner,
      stagedAt,
    };
    await retryTransient(() => this.creates.insertOne(intent));
    // Kept in memory only, so not cloned to their JSON form the way stored entries are.
    let seq = 0;
    const entriesById = new Map(
      args.creates.map((c) => [c.aggregateId, c.items.map((item) => ({ seq: ++seq, ...item }))]),
    );
    return {
      outboxLog: (aggregateId) => [
        { version: 1, eventIds: (entriesById.get(aggregateId) ?? []).map((e) => e.event.id) },
      ],
      commit: (writtenIds) => {
        // One in-memory intent for the batch: the relay publishes it like any create.
        this.committed.set(intent._id, {
          _id: intent._id,
          collection: args.collection,
          aggregateId: '',
          version: 1,
          entries: writtenIds.flatMap((id) => entriesById.get(id) ?? []),
          owner: this.owner,
          stagedAt,
        });
        this.emitter.emit('committed');
      },
    };
  }

  /** Whether this process committed the intent, i.e. its aggregate write succeeded. */
  isCommitted(intent: Pick<OutboxIntent, '_id' | 'owner'>): boolean {
    return intent.owner === this.owner && this.committed.has(intent._id);
  }

  /** Whether this process staged the intent (its writer is alive: never give it up). */
  isOwn(intent: Pick<OutboxIntent, 'owner'>): boolean {
    return intent.owner === this.owner;
  }

  /**
   * This process's committed creates (version 1), to publish without reading the outbox
   * collection: a first version has no earlier one of its aggregate to wait for.
   */
  committedCreates(): OutboxIntent[] {
    const creates = [...this.committed.values()].filter((i) => i.version === 1);
    return creates.sort((a, b) => (a._id < b._id ? -1 : 1));
  }

  /** Whether this process committed intents that must go through the ordered scan. */
  hasCommittedUpdates(): boolean {
    return [...this.committed.values()].some((i) => i.version > 1);
  }

  /** Published or dropped, not deleted yet: a scan must not publish it again or wait for it. */
  isDone(id: string): boolean {
    return this.done.has(id);
  }

  markDone(ids: string[]): void {
    for (const id of ids) {
      this.committed.delete(id);
      this.done.add(id);
    }
  }

  /** Called by the relay once intents are deleted (published or dropped). */
  forget(ids: string[]): void {
    for (const id of ids) {
      this.committed.delete(id);
      this.done.delete(id);
    }
  }

  /** Wakes a relay in this process right away instead of at its next poll. */
  onCommitted(listener: () => void): () => void {
    this.emitter.on('committed', listener);
    return () => this.emitter.off('committed', listener);
  }
}
