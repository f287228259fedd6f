// Exponential backoff, once: the consumer's retry schedule, the store's transient-error
// retries and the use cases' lost-race retries all wait by it. The schedule is pure so it is
// testable without Kafka or a clock.
export interface RetryOptions {
  /** Total handler attempts before the message goes to the dead-letter topic. */
  attempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  attempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 5000,
};

/** Wait before attempt `failedAttempt + 1`: initial, 2x, 4x, ... capped at maxDelayMs. */
export function backoffDelayMs(failedAttempt: number, retry: Required<RetryOptions>): number {
  const delay = retry.initialDelayMs * 2 ** Math.max(0, failedAttempt - 1);
  return Math.min(delay, retry.maxDelayMs);
}

export interface RetryWhenOptions extends Required<RetryOptions> {
  /**
   * Wait a random 50-100 % of each delay (default true), so callers that failed together do
   * not all come back together and collide again.
   */
  jitter?: boolean;
  /** Injected by tests: a number in [0, 1) and a pause. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `op` until it succeeds, fails with an error `isRetryable` refuses, or has run
 * `attempts` times (then the last error is thrown), waiting the backoff between attempts.
 */
export async function retryWhen<T>(
  op: (attempt: number) => Promise<T>,
  isRetryable: (err: unknown) => boolean,
  opts: RetryWhenOptions,
): Promise<T> {
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? pause;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await op(attempt);
    } catch (err) {
      if (attempt >= opts.attempts || !isRetryable(err)) throw err;
      const delay = backoffDelayMs(attempt, opts);
      await sleep(opts.jitter === false ? delay : Math.round(delay * (0.5 + random() / 2)));
    }
  }
}
