// The three steps of every write through the outbox (docs/architecture.md, "the outbox"),
// once: stage (which claims the new version), the caller's single-document write carrying
// the staged `_outboxLog`, commit. A failed write frees the version at once.
import {
  OutboxVersionClaimedError,
  type Outbox,
  type OutboxItem,
  type StagedWrite,
} from './outbox';

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
