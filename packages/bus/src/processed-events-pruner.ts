// Deletes ConsumerRunner's processed-event marks once they are older than a retention, on a
// timer: FerretDB 1.x has no TTL indexes, and without this `processed_events` only grows. A
// mark must outlive every way its event can reach the group again (still in the topic,
// re-published by a relay after an outage, an offset reset), so the retention has to exceed
// the topic's retention; docs/architecture.md ("Consuming") explains the choice. Other records
// that only grow (the create-key records of @kith/idempotency) are pruned by the same timer
// with `collection` and `timeField`.
import type { Collection, Db } from 'mongodb';
import type { Logger } from '@kith/logger';
import { PROCESSED_EVENTS_COLLECTION, type ProcessedEvent } from './consumer-runner';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Twice Kafka's default topic retention (7 days). */
export const DEFAULT_PROCESSED_EVENTS_RETENTION_MS = 14 * DAY_MS;
export const DEFAULT_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export interface ProcessedEventsPrunerOptions {
  /** The database the consumers keep their marks in (every group's marks go alike). */
  db: Db;
  logger: Logger;
  /** Marks processed longer ago than this are deleted. */
  retentionMs: number;
  /** Another collection of records that only grow; default the processed-event marks. */
  collection?: string;
  /** The Date field its age is read from; default `processedAt`. */
  timeField?: string;
  /** Time between passes; the first runs right at start. Default one hour. */
  intervalMs?: number;
  now?: () => Date;
}

export class ProcessedEventsPruner {
  private readonly marks: Collection;
  private readonly timeField: string;
  private readonly intervalMs: number;
  private readonly now: () => Date;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private running = false;

  constructor(private readonly opts: ProcessedEventsPrunerOptions) {
    if (!(opts.retentionMs > 0)) throw new RangeError('retentionMs must be positive');
    this.marks = opts.db.collection(opts.collection ?? PROCESSED_EVENTS_COLLECTION);
    this.timeField = opts.timeField ?? ('processedAt' satisfies keyof ProcessedEvent);
    this.intervalMs = opts.intervalMs ?? DEFAULT_PRUNE_INTERVAL_MS;
    this.now = opts.now ?? (() => new Date());
    this.log = opts.logger.child({
      component: 'processed-events-pruner',
      collection: opts.collection ?? PROCESSED_EVENTS_COLLECTION,
    });
  }

  /** Runs a pass now and then every interval; the timer never keeps the process alive. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** No pass starts after this; one in progress is waited for (it holds the connection). */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
  }

  /**
   * One delete of every mark processed before now minus the retention; answers how many went.
   * Not an `_id` filter, so FerretDB reads the whole collection: fine once an hour, and the
   * pruning keeps the collection bounded by the retention times the event rate.
   */
  async pruneOnce(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.opts.retentionMs);
    const { deletedCount } = await this.marks.deleteMany({ [this.timeField]: { $lt: cutoff } });
    return deletedCount;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.pass = this.runPass().finally(() => {
        this.pass = undefined;
        if (this.running) this.schedule(this.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async runPass(): Promise<void> {
    try {
      const pruned = await this.pruneOnce();
      if (pruned > 0) this.log.info({ pruned }, 'old processed-event marks deleted');
    } catch (err) {
      // A failed pass only delays the cleanup; consumers never depend on it.
      this.log.warn({ err }, 'pruning processed-event marks failed; next pass in an interval');
    }
  }
}
