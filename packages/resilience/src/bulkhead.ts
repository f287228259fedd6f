// Bounded concurrency in front of one upstream (or one server), with a share per key (the
// tenant): a key may hold at most `maxPerKey` slots, running or waiting, so one tenant's burst
// leaves the rest of the slots to the others. What does not fit waits briefly in a bounded
// queue, then is refused; nothing waits without bound.

export interface BulkheadOptions {
  /** Named in errors and metrics, e.g. 'contact'. */
  name: string;
  /** Calls running at once. */
  maxConcurrent: number;
  /** Calls one key may have running or waiting; at most maxConcurrent. */
  maxPerKey: number;
  /** Calls waiting for a slot; beyond it a call is refused at once. */
  maxQueue: number;
  /** How long a call waits for a slot before it is refused. */
  maxWaitMs: number;
  /** How long after refusing a call as saturated `saturated()` stays true; default 1000. */
  saturationWindowMs?: number;
  now?: () => number;
}

/** 'key-share': the key is over its share (HTTP 429); 'saturated': no slot in time (503). */
export type BulkheadRefusal = 'key-share' | 'saturated';

export class BulkheadRejectedError extends Error {
  override readonly name = 'BulkheadRejectedError';
  constructor(
    readonly bulkhead: string,
    readonly reason: BulkheadRefusal,
    /** When trying again makes sense, in whole seconds (Retry-After). */
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'key-share'
        ? `${bulkhead}: this tenant already has its share of calls in flight`
        : `${bulkhead}: no free slot in time`,
    );
  }
}

export interface BulkheadStats {
  name: string;
  active: number;
  queued: number;
  maxConcurrent: number;
  rejected: Record<BulkheadRefusal, number>;
}

interface Waiter {
  start: () => void;
  refuse: (err: Error) => void;
}

export class Bulkhead {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private readonly perKey = new Map<string, number>();
  private readonly rejected: Record<BulkheadRefusal, number> = { 'key-share': 0, saturated: 0 };
  private lastSaturatedAt = -Infinity;
  private readonly now: () => number;

  constructor(private readonly opts: BulkheadOptions) {
    if (opts.maxConcurrent < 1 || opts.maxPerKey < 1 || opts.maxPerKey > opts.maxConcurrent) {
      throw new RangeError('bulkhead needs 1 <= maxPerKey <= maxConcurrent');
    }
    this.now = opts.now ?? Date.now;
  }

  /**
   * Runs `fn` in a slot for `key`. Rejects with BulkheadRejectedError when it does not fit;
   * an aborted `signal` takes a waiting call out of the queue (its slot was never taken).
   */
  async run<T>(key: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if ((this.perKey.get(key) ?? 0) >= this.opts.maxPerKey) {
      throw this.refuse('key-share');
    }
    this.hold(key);
    try {
      if (this.active >= this.opts.maxConcurrent) await this.waitForSlot(signal);
      else this.active += 1;
    } catch (err) {
      this.letGo(key);
      throw err;
    }
    try {
      return await fn();
    } finally {
      this.active -= 1;
      this.letGo(key);
      this.queue.shift()?.start();
    }
  }

  /** True while the bulkhead refuses calls for lack of slots (not for a tenant's share). */
  saturated(): boolean {
    if (this.queue.length >= this.opts.maxQueue && this.active >= this.opts.maxConcurrent) {
      return true;
    }
    return this.now() - this.lastSaturatedAt < (this.opts.saturationWindowMs ?? 1000);
  }

  stats(): BulkheadStats {
    return {
      name: this.opts.name,
      active: this.active,
      queued: this.queue.length,
      maxConcurrent: this.opts.maxConcurrent,
      rejected: { ...this.rejected },
    };
  }

  private waitForSlot(signal?: AbortSignal): Promise<void> {
    if (this.queue.length >= this.opts.maxQueue) return Promise.reject(this.refuse('saturated'));
    return new Promise<void>((resolve, reject) => {
      const leave = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
      };
      const waiter: Waiter = {
        start: () => {
          leave();
          this.active += 1;
          resolve();
        },
        refuse: (err) => {
          leave();
          reject(err);
        },
      };
      const timer = setTimeout(() => waiter.refuse(this.refuse('saturated')), this.opts.maxWaitMs);
      const onAbort = (): void => waiter.refuse(signal?.reason ?? new Error('aborted'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private refuse(reason: BulkheadRefusal): BulkheadRejectedError {
    this.rejected[reason] += 1;
    if (reason === 'saturated') this.lastSaturatedAt = this.now();
    const retryAfter = reason === 'saturated' ? Math.ceil(this.opts.maxWaitMs / 1000) : 1;
    return new BulkheadRejectedError(this.opts.name, reason, Math.max(1, retryAfter));
  }

  private hold(key: string): void {
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
  }

  private letGo(key: string): void {
    const left = (this.perKey.get(key) ?? 1) - 1;
    if (left > 0) this.perKey.set(key, left);
    else this.perKey.delete(key);
  }
}
