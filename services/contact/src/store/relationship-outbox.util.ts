// The outbox steps every relationship write shares (stage -> write -> commit, see
// docs/architecture.md): staging claims the new version, a failed write frees it.
import {
  OutboxVersionClaimedError,
  type Outbox,
  type OutboxItem,
  type StagedWrite,
} from '@kith/bus';

/**
 * Stages, runs `write` with the staged write (for its `_outboxLog`), commits. A version
 * someone else claimed answers `onClaimed()`; a failed write abandons its intent.
 */
export async function writeThroughOutbox(
  outbox: Outbox,
  target: { collection: string; aggregateId: string; version: number; items: OutboxItem[] },
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

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
