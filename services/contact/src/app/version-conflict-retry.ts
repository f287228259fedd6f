// Lost races, retried once for every use case that writes without an expected version
// (consent, merge, erase): re-read, re-decide and write again on the newer state, a bounded
// number of times, with jittered backoff so the losers of one race do not meet again.
// A caller that sent an expected version wants the conflict instead (409, refresh and retry).
import { retryWhen, type RetryWhenOptions } from '@kith/bus';
import { hasErrorCode } from '@kith/errors';
import { ContactErrorCode } from '../domain/contact-error';

/** 6 attempts wait at most 15 + 30 + 60 + 120 + 200 ms: well inside the gateway's deadline. */
export const VERSION_CONFLICT_RETRY: RetryWhenOptions = {
  attempts: 6,
  initialDelayMs: 15,
  maxDelayMs: 200,
};

/** A lost race on a contact, a household, a relationship or any resource (one code value for all). */
export function isVersionConflict(err: unknown): boolean {
  return hasErrorCode(err, ContactErrorCode.VERSION_CONFLICT);
}

/** Runs `attempt` (which must read the current state itself) until no other writer wins. */
export function retryOnVersionConflict<T>(
  attempt: () => Promise<T>,
  opts: Partial<RetryWhenOptions> = {},
): Promise<T> {
  return retryWhen(attempt, isVersionConflict, { ...VERSION_CONFLICT_RETRY, ...opts });
}
