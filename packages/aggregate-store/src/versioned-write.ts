// Versioned writes of one aggregate through the outbox (@kith/bus writeThroughOutbox): the
// intent `<collection>:<id>:<version>` claims the new version by a unique `_id` insert, then
// ONE single-document write carries the state and its `_outboxLog`, then the relay is told.
// Why so: FerretDB 1.x has no multi-document transactions, and its updates read and then
// write, so a `{_id, version}` filter alone lets two writers of one version both "win"; the
// version claim cannot (docs/architecture.md, "FerretDB costs").
import {
  retryTransient,
  isDuplicateKeyError,
  writeThroughOutbox,
  type InsertBatcher,
  type Outbox,
  type OutboxItem,
  type OutboxLogRecord,
} from '@kith/bus';
import type { AggregateCollection, OwnedDocument } from './store-collection';

/** A stored aggregate: its state, a version, and the outbox's commit record. */
export interface VersionedDocument extends OwnedDocument {
  version: number;
  _outboxLog?: OutboxLogRecord[];
}

/** The state to write: the document without its commit record, which the write adds. */
export type VersionedState<D extends VersionedDocument> = Omit<D, '_outboxLog'>;

/** Where one kind of aggregate is stored, and the outbox its writes go through. */
export interface AggregateStore<D extends VersionedDocument> {
  readonly collection: AggregateCollection<D>;
  readonly outbox: Outbox;
  /** Group commit of concurrent creates (an InsertBatcher over `collection`); else insertOne. */
  readonly inserts?: InsertBatcher<D>;
}

export interface VersionedWrite {
  /** The events of the write, published if and only if the write happened. */
  items: OutboxItem[];
  /**
   * The caller's own version-conflict error, thrown when another writer holds the version or
   * the stored version is not the expected one: its status table maps it to ABORTED.
   */
  conflict: () => Error;
}

/**
 * A new aggregate (usually version 1). A document already stored under the `_id` throws
 * `duplicate()` when given (e.g. the caller's ALREADY_EXISTS), else the driver's error
 * (code 11000, which idempotent creates recognise).
 */
export async function insertVersioned<D extends VersionedDocument>(
  store: AggregateStore<D>,
  state: VersionedState<D>,
  write: VersionedWrite & { duplicate?: () => Error },
): Promise<void> {
  await writeThroughOutbox(
    store.outbox,
    target(store, state, write.items),
    async (staged) => {
      const doc = { ...state, _outboxLog: staged.outboxLog([]) } as D;
      try {
        if (store.inserts) await store.inserts.insert(doc);
        else await retryTransient(() => store.collection.insertOne(doc, { ignoreUndefined: true }));
      } catch (err) {
        if (write.duplicate && isDuplicateKeyError(err)) throw write.duplicate();
        throw err;
      }
    },
    write.conflict,
  );
}

/**
 * Replaces the stored state if its version is still `expectedVersion`: `$set` of the new state
 * and commit record, `$unset` of each of `optionalFields` the new state lacks (so a cleared
 * field does not linger), filtered by `{_id, tenantId, version}`.
 */
export async function updateVersioned<D extends VersionedDocument>(
  store: AggregateStore<D>,
  state: VersionedState<D>,
  write: VersionedWrite & {
    expectedVersion: number;
    /** The stored `_outboxLog`, as read with the state the write was decided from. */
    outboxLog: OutboxLogRecord[];
    optionalFields?: ReadonlyArray<keyof D & string>;
  },
): Promise<void> {
  const { _id, tenantId, ...rest } = state;
  const fields = rest as Record<string, unknown>;
  const unset = Object.fromEntries(
    (write.optionalFields ?? []).filter((f) => fields[f] === undefined).map((f) => [f, 1]),
  );
  await writeThroughOutbox(
    store.outbox,
    target(store, state, write.items),
    async (staged) => {
      const result = await retryTransient(() =>
        store.collection.updateOne(
          { _id, tenantId, version: write.expectedVersion },
          {
            $set: { tenantId, ...fields, _outboxLog: staged.outboxLog(write.outboxLog) },
            ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
          },
          { ignoreUndefined: true },
        ),
      );
      if (result.matchedCount === 0) throw write.conflict();
    },
    write.conflict,
  );
}

function target<D extends VersionedDocument>(
  store: AggregateStore<D>,
  state: VersionedState<D>,
  items: OutboxItem[],
) {
  return {
    collection: store.collection.collectionName,
    aggregateId: state._id,
    version: state.version,
    items,
  };
}
