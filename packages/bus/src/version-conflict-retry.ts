// Lost races, retried for every use case that writes without an expected version (a refund,
// a consent, a merge, an erasure, a lifecycle hook): re-read, re-decide and write again on the
// newer state, a bounded number of times, with jittered backoff so the losers of one race do
// not meet again. A caller that sent an expected version wants the conflict instead (409,
// refresh and retry). Every service's errors share the code value VERSION_CONFLICT
// (@kith/errors' ResourceError vocabulary), so one predicate recognises them all.
import { hasErrorCode } from '@kith/errors';
import { retryWhen, type RetryWhenOptions } from './retry-backoff.util';

/** The code every resource's version conflict carries. */
export const VERSION_CONFLICT_CODE = 'VERSION_CONFLICT';

/** 6 attempts wait at most 15 + 30 + 60 + 120 + 200 ms: well inside the gateway's deadline. */
export const VERSION_CONFLICT_RETRY: RetryWhenOptions = {
  attempts: 6,
  initialDelayMs: 15,
  maxDelayMs: 200,
};

/** A lost race on any resource (one code value for all). */
export function isVersionConflict(err: unknown): boolean {
  return hasErrorCode(err, VERSION_CONFLICT_CODE);
}

/** Runs `attempt` (which must read the current state itself) until no other writer wins. */
export function retryOnVersionConflict<T>(
  attempt: () => Promise<T>,
  opts: Partial<RetryWhenOptions> = {},
): Promise<T> {
  return retryWhen(attempt, isVersionConflict, { ...VERSION_CONFLICT_RETRY, ...opts });
}
