// The three steps of every write through the outbox (docs/architecture.md, "the outbox"),
// once: stage (which claims the new version), the caller's single-document write carrying
// the staged `_outboxLog`, commit. A failed write frees the version at once.
import { assertBudgetLeft } from '@kith/resilience';
import { InsertError, writeErrorsOf, type InsertManyTarget } from './insert-batcher';
import {
  OutboxVersionClaimedError,
  type Outbox,
  type OutboxItem,
  type OutboxLogRecord,
  type StagedWrite,
} from './outbox';
import { retryTransient } from './store-retry.util';

export interface OutboxWriteTarget {
  collection: string;
  aggregateId: string;
  /** The version the write produces. */
  version: number;
  items: OutboxItem[];
}

/**
 * Stages, runs `write` with the staged write (for its `outboxLog`), commits. When another
 * writer holds the version, throws `onClaimed()` (the caller's version-conflict error).
 */
export async function writeThroughOutbox(
  outbox: Outbox,
  target: OutboxWriteTarget,
  write: (staged: StagedWrite) => Promise<void>,
  onClaimed: () => Error,
): Promise<void> {
  // A write for a call whose caller is gone would change state nobody is told about.
  assertBudgetLeft('write');
  let staged: StagedWrite;
  try {
    staged = await outbox.stage(target);
  } catch (err) {
    if (err instanceof OutboxVersionClaimedError) throw onClaimed();
    throw err;
  }
  try {
    await write(staged);
  } catch (err) {
    await staged.abandon().catch(() => undefined);
    throw err;
  }
  staged.commit();
}

export interface OutboxCreate<D> {
  aggregateId: string;
  items: OutboxItem[];
  /** The document to insert, carrying the staged `_outboxLog`. */
  document(outboxLog: OutboxLogRecord[]): D;
}

/**
 * Inserts many new aggregates with one staged creates intent and one `insertMany`
 * (unordered: one refused document does not stop the others). Answers which were written
 * and why the others were not. When the insert fails as a whole (the outcome unknown), the
 * error is thrown and the intent is left for the relay, which publishes whatever was written
 * once it is abandoned (docs/architecture.md, "Bulk import").
 */
export async function insertManyThroughOutbox<D extends { _id: string }>(
  outbox: Outbox,
  target: {
    collection: string;
    /** Where the documents go: a driver collection. */
    into: InsertManyTarget<D>;
    meta?: Record<string, string>;
  },
  creates: ReadonlyArray<OutboxCreate<D>>,
): Promise<{ written: string[]; failed: Map<string, InsertError> }> {
  const failed = new Map<string, InsertError>();
  if (creates.length === 0) return { written: [], failed };
  assertBudgetLeft('write');
  const staged = await outbox.stageCreates({
    collection: target.collection,
    creates,
    ...(target.meta ? { meta: target.meta } : {}),
  });
  const docs = creates.map((c) => c.document(staged.outboxLog(c.aggregateId)));
  try {
    await retryTransient(() => target.into.insertMany(docs, { ordered: false }));
  } catch (err) {
    const writeErrors = writeErrorsOf(err);
    if (!writeErrors) throw err;
    for (const e of writeErrors) {
      const doc = docs[e.index];
      if (doc) failed.set(doc._id, new InsertError(e.errmsg ?? 'insert failed', e.code));
    }
  }
  const written = docs.map((d) => d._id).filter((id) => !failed.has(id));
  staged.commit(written);
  return { written, failed };
}
