// FerretDB 1.x on SQLite answers concurrent writes to one database with "database is locked"
// (SQLITE_BUSY, code 1 InternalError) instead of waiting; the write did not happen, so trying
// again shortly is safe for an insert of a fresh _id or an idempotent update.
import { retryWhen } from './retry-backoff.util';

export function isTransientStoreError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /SQLITE_BUSY|database is locked/i.test(message);
}

/** Runs `op`, retrying transient store errors with a short doubling backoff. */
export function retryTransient<T>(
  op: () => Promise<T>,
  opts: { attempts?: number; initialDelayMs?: number } = {},
): Promise<T> {
  // 10 attempts wait up to ~5 s in total: enough for the lock bursts measured on FerretDB.
  return retryWhen(() => op(), isTransientStoreError, {
    attempts: opts.attempts ?? 10,
    initialDelayMs: opts.initialDelayMs ?? 10,
    maxDelayMs: Number.POSITIVE_INFINITY,
    jitter: false,
  });
}

/** The server's duplicate-key error (code 11000), on MongoDB and FerretDB alike. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
