// Publishes outbox intents. Reads only the small outbox collection, which it drains: publish
// (idempotent producer, in version order per aggregate), then delete. Intents this process
// committed go out at once. Any other intent (its process died, or it is another replica's
// and lingers) is resolved after `graceMs` against its aggregate (one lookup, rare): the
// aggregate's `_outboxLog` says whether the write happened. This process's own uncommitted
// intents belong to live writers and wait up to `abandonAfterMs`. A crash between publish
// and delete publishes again with the same ce_id; consumers dedupe.
import type { Db, Document } from 'mongodb';
import type { Logger } from '@kith/logger';
import type { EventProducer } from './event-producer';
import {
  planCreatesIntents,
  resolveCreatesIntent,
  type CreatedEventRebuilder,
} from './outbox-creates';
import {
  OUTBOX_LOG_SIZE,
  isCreatesIntentId,
  type Outbox,
  type OutboxCreatesIntent,
  type OutboxEntry,
  type OutboxIntent,
  type OutboxLogRecord,
} from './outbox';
import { planRelayStep, resolveStagedIntent } from './outbox-relay-plan';
import { retryTransient } from './store-retry.util';

export interface OutboxRelayOptions {
  db: Db;
  producer: EventProducer;
  outbox: Outbox;
  logger: Logger;
  pollIntervalMs?: number;
  /** How long another process's intent may wait before it is resolved. */
  graceMs?: number;
  /** An intent whose write never happened is dropped after this long; this process's own
   * uncommitted intents wait this long before they are resolved. */
  abandonAfterMs?: number;
  /** Intents read per step. */
  batchSize?: number;
  /** Deletes of published intents wait up to this long to go out together. */
  deleteDelayMs?: number;
  now?: () => number;
  /** Per collection written through `Outbox.stageCreates`: how to say a creation again. */
  rebuildCreated?: Record<string, CreatedEventRebuilder>;
}

export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly graceMs: number;
  private readonly abandonAfterMs: number;
  private readonly batchSize: number;
  private readonly deleteDelayMs: number;
  private pendingDeletes: string[] = [];
  private readonly unrebuildable = new Set<string>();
  private deleteTimer: NodeJS.Timeout | undefined;
  private lastScanAt = 0;
  private readonly now: () => number;
  private readonly log: Logger;
  private stopped = true;
  /** Set by stop(): a drain in progress finishes its step and returns. */
  private stopRequested = false;
  private woken = false;
  private wake: (() => void) | undefined;
  private loopDone: Promise<void> = Promise.resolve();
  private drainChain: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.pollIntervalMs = opts.pollIntervalMs ?? 250;
    this.graceMs = opts.graceMs ?? 5_000;
    this.abandonAfterMs = opts.abandonAfterMs ?? 600_000;
    this.batchSize = opts.batchSize ?? 500;
    this.deleteDelayMs = opts.deleteDelayMs ?? 50;
    this.now = opts.now ?? Date.now;
    this.log = opts.logger.child({ component: 'outbox-relay' });
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    this.unsubscribe = this.opts.outbox.onCommitted(() => this.notify());
    this.loopDone = this.loop();
  }

  /** Returns once the loop is idle: a step in flight is finished (published and deleted). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopRequested = true;
    this.unsubscribe?.();
    this.notify();
    await this.loopDone;
    await this.drainChain;
    await this.flushDeletes().catch((err: unknown) =>
      this.log.warn({ err }, 'outbox deletes left for the next start'),
    );
  }

  /** Cuts the current poll wait short. */
  notify(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Publishes everything publishable right now; returns how many events it sent. */
  drainOnce(): Promise<number> {
    return this.serialized(() => this.drain({ scan: true, flush: true }));
  }

  /** One piece of relay work at a time, whoever asks, so versions go out in order. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.drainChain.then(work);
    this.drainChain = run.catch(() => undefined);
    return run;
  }

  /**
   * Deletes published or dropped intents. Protected so tests can simulate a crash between
   * publish and delete.
   */
  protected async forget(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const outbox = this.opts.outbox;
    const creates = ids.filter(isCreatesIntentId);
    const intents = ids.filter((id) => !isCreatesIntentId(id));
    if (intents.length > 0)
      await retryTransient(() => outbox.intents.deleteMany({ _id: { $in: intents } }));
    if (creates.length > 0)
      await retryTransient(() => outbox.creates.deleteMany({ _id: { $in: creates } }));
    outbox.forget(ids);
  }

  /**
   * Creates this process committed go out from memory. The ordered scan of the outbox
   * collection runs when updates wait, and otherwise every poll interval, for intents of
   * processes that died.
   */
  private async drain(opts: { scan: boolean; flush: boolean }): Promise<number> {
    let sent = await this.publishCommittedCreates();
    if (opts.scan || this.opts.outbox.hasCommittedUpdates()) {
      this.lastScanAt = this.now();
      sent += await this.drainByScan();
    }
    if (opts.flush) await this.flushDeletes();
    return sent;
  }

  private async publishCommittedCreates(): Promise<number> {
    const creates = this.opts.outbox.committedCreates();
    if (creates.length === 0) return 0;
    const entries = creates.flatMap((i) => [...i.entries].sort((a, b) => a.seq - b.seq));
    await this.opts.producer.publish(entries);
    await this.markDone(creates.map((i) => i._id));
    return entries.length;
  }

  /** Deletes go out in batches: one scan of the small collection per batch, not per step. */
  private async markDone(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    this.opts.outbox.markDone(ids);
    this.pendingDeletes.push(...ids);
    if (this.pendingDeletes.length >= this.batchSize) {
      await this.flushDeletes();
    } else if (!this.deleteTimer) {
      this.deleteTimer = setTimeout(() => {
        this.deleteTimer = undefined;
        this.serialized(() => this.flushDeletes()).catch((err: unknown) =>
          this.log.error({ err }, 'deleting published outbox intents failed; retrying'),
        );
      }, this.deleteDelayMs);
      this.deleteTimer.unref();
    }
  }

  private async flushDeletes(): Promise<void> {
    clearTimeout(this.deleteTimer);
    this.deleteTimer = undefined;
    const ids = this.pendingDeletes.splice(0);
    try {
      await this.forget(ids);
    } catch (err) {
      this.pendingDeletes.unshift(...ids);
      throw err;
    }
  }

  private async drainByScan(): Promise<number> {
    const creates = await this.drainCreatesIntents();
    let published = creates.sent;
    for (;;) {
      const intents = await this.opts.outbox.intents
        .find({})
        .sort({ _id: 1 })
        .limit(this.batchSize)
        .toArray();
      const open = intents.filter((i) => !this.opts.outbox.isDone(i._id));
      if (open.length === 0) return published;
      const { sent, progressed, resolved } = await this.step(open, creates.held);
      published += sent;
      // A resolved intent may have released later versions of its aggregate: step again.
      const more = intents.length === this.batchSize || resolved;
      if (!progressed || !more || this.stopRequested) return published;
    }
  }

  /**
   * Creates intents nobody committed in this process (their writer died, or is another
   * replica): resolved after the grace period. Answers what it sent and the aggregates still
   * held back, whose later versions must wait for their creation.
   */
  private async drainCreatesIntents(): Promise<{ sent: number; held: Set<string> }> {
    const outbox = this.opts.outbox;
    const intents = await retryTransient(() => outbox.creates.find({}).toArray());
    const plan = planCreatesIntents(intents, this.now(), {
      // Committed here but not published yet still holds: the next drain publishes it first.
      isDone: (id) => outbox.isDone(id),
      isOwn: (intent) => outbox.isOwn(intent),
      graceMs: this.graceMs,
      ownWaitMs: this.abandonAfterMs,
    });
    let sent = 0;
    for (const intent of plan.toResolve) {
      const published = await this.resolveCreates(intent);
      if (published === undefined) continue;
      sent += published;
      for (const id of intent.aggregateIds) plan.held.delete(`${intent.collection}:${id}`);
    }
    return { sent, held: plan.held };
  }

  /** Publishes the creations that happened; undefined while the intent must wait. */
  private async resolveCreates(intent: OutboxCreatesIntent): Promise<number | undefined> {
    const rebuild = this.opts.rebuildCreated?.[intent.collection];
    if (!rebuild) {
      // A wiring mistake, said once per intent rather than at every poll.
      if (!this.unrebuildable.has(intent._id)) {
        this.unrebuildable.add(intent._id);
        this.log.error({ intent: intent._id }, 'no rebuilder for a creates intent; it waits');
      }
      return undefined;
    }
    const docs = await retryTransient(() =>
      this.opts.db
        .collection(intent.collection)
        .find({ _id: { $in: intent.aggregateIds } } as Document)
        .toArray(),
    );
    const ageMs = this.now() - new Date(intent.stagedAt).getTime();
    const resolution = resolveCreatesIntent(docs, intent, ageMs, this.abandonAfterMs);
    if (resolution.decision === 'wait') return undefined;
    let seq = 0;
    const entries: OutboxEntry[] = resolution.logged.flatMap(({ doc, eventIds }) =>
      rebuild(doc, eventIds, intent.meta).map((item) => ({ seq: ++seq, ...item })),
    );
    await this.opts.producer.publish(entries);
    await this.markDone([intent._id]);
    const dropped = intent.aggregateIds.length - resolution.logged.length;
    if (dropped > 0) this.log.warn({ intent: intent._id, dropped }, 'creates never written');
    return entries.length;
  }

  private async step(
    intents: OutboxIntent[],
    held: ReadonlySet<string>,
  ): Promise<{ sent: number; progressed: boolean; resolved: boolean }> {
    const outbox = this.opts.outbox;
    const plan = planRelayStep(
      intents,
      this.now(),
      {
        isCommitted: (intent) => outbox.isCommitted(intent),
        isOwn: (intent) => outbox.isOwn(intent),
        graceMs: this.graceMs,
        ownWaitMs: this.abandonAfterMs,
      },
      held,
    );
    const publish = [...plan.publish];
    const dropped: string[] = [];
    let resolved = false;
    for (const intent of plan.toResolve) {
      const decision = await this.resolve(intent);
      if (decision === 'publish') publish.push(intent);
      if (decision === 'drop') dropped.push(intent._id);
      resolved ||= decision !== 'wait';
    }
    publish.sort((a, b) => (a._id < b._id ? -1 : 1));
    const entries: OutboxEntry[] = publish.flatMap((i) =>
      [...i.entries].sort((a, b) => a.seq - b.seq),
    );
    // One batch for all aggregates: the producer keeps array order per partition.
    await this.opts.producer.publish(entries);
    await this.markDone([...publish.map((i) => i._id), ...dropped]);
    if (dropped.length > 0)
      this.log.warn(
        { dropped: dropped.length },
        'dropped outbox intents whose write never happened',
      );
    return { sent: entries.length, progressed: publish.length + dropped.length > 0, resolved };
  }

  private async resolve(intent: OutboxIntent): Promise<'publish' | 'drop' | 'wait'> {
    const aggregate = (await this.opts.db
      .collection(intent.collection)
      .findOne({ _id: intent.aggregateId } as Document, {
        projection: { version: 1, _outboxLog: 1 },
      })) as { version?: number; _outboxLog?: OutboxLogRecord[] } | null;
    const decision = resolveStagedIntent(
      intent,
      aggregate ?? undefined,
      this.now() - new Date(intent.stagedAt).getTime(),
      this.abandonAfterMs,
    );
    if (
      decision === 'drop' &&
      aggregate &&
      (aggregate.version ?? 0) - intent.version >= OUTBOX_LOG_SIZE
    ) {
      // Too many later writes to tell from the log; the intent is most likely a lost race.
      this.log.error({ intent: intent._id }, 'outbox intent resolved without evidence; dropped');
    }
    return decision;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let failed = false;
      try {
        const scan = this.now() - this.lastScanAt >= this.pollIntervalMs;
        await this.serialized(() => this.drain({ scan, flush: false }));
      } catch (err) {
        failed = true;
        this.log.error({ err }, 'outbox relay step failed; retrying');
      }
      if (this.stopped) break;
      if (!this.woken || failed) await this.sleep(this.pollIntervalMs);
      this.woken = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = undefined;
    });
  }
}
