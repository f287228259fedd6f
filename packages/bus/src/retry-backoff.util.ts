// Exponential backoff for consumer retries; pure so its schedule is testable without Kafka.
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
