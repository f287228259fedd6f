// Group commit for single-document inserts: callers insert one document each; the batcher
// keeps at most one insertMany in flight per collection, and everything that arrives
// meanwhile goes into the next one. On FerretDB (SQLite) every write command is a
// transaction under the database file's one writer lock, so sixteen concurrent inserts
// cost sixteen transactions; batched they cost one or two (bench/contact-write). Each
// caller still gets its own outcome: a duplicate key fails only the insert that caused it.
import type { BulkWriteOptions } from 'mongodb';
import { retryTransient } from './store-retry.util';

/** What the batcher writes to: a driver collection, or mongoose's `model.collection`. */
export interface InsertManyTarget<T> {
  insertMany(docs: T[], options: BulkWriteOptions): Promise<unknown>;
}

interface Pending<T> {
  doc: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface WriteErrorLike {
  index: number;
  code?: number;
  errmsg?: string;
}

/** An error for one document of a failed batch, with the server's code (11000 = duplicate). */
export class InsertError extends Error {
  override readonly name = 'InsertError';

  constructor(
    message: string,
    readonly code: number | undefined,
  ) {
    super(message);
  }
}

/** The per-document errors of a failed insertMany, if the server said which failed. */
export function writeErrorsOf(err: unknown): WriteErrorLike[] | undefined {
  const list = (err as { writeErrors?: unknown } | null)?.writeErrors;
  if (Array.isArray(list)) return list as WriteErrorLike[];
  if (list && typeof list === 'object') return [list as WriteErrorLike];
  return undefined;
}

export class InsertBatcher<T> {
  private queue: Pending<T>[] = [];
  private flushing = false;

  constructor(
    private readonly collection: InsertManyTarget<T>,
    private readonly opts: { maxBatch?: number } = {},
  ) {}

  insert(doc: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      // Let inserts of the same tick join before the first batch leaves.
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.maxBatch ?? 500);
      await this.write(batch);
    }
    this.flushing = false;
  }

  private async write(batch: Pending<T>[]): Promise<void> {
    try {
      // ordered: false, so one bad document does not stop the others.
      await retryTransient(() =>
        this.collection.insertMany(
          batch.map((p) => p.doc),
          { ordered: false },
        ),
      );
      for (const p of batch) p.resolve();
    } catch (err) {
      const writeErrors = writeErrorsOf(err);
      if (!writeErrors) {
        for (const p of batch) p.reject(err);
        return;
      }
      const failed = new Map(writeErrors.map((e) => [e.index, e]));
      batch.forEach((p, index) => {
        const e = failed.get(index);
        if (e) p.reject(new InsertError(e.errmsg ?? 'insert failed', e.code));
        else p.resolve();
      });
    }
  }
}
