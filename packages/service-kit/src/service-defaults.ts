// What a service that has no reason to differ takes as it is: the admission that follows from
// one number of calls in flight, and a database for its outbox beside its main one.
import type { BulkheadOptions } from '@kith/resilience';

/**
 * `maxInFlightCalls` served at once, three quarters of them for one tenant at most, as many
 * waiting, each at most 500 ms (@kith/config `serviceSettings.maxInFlightCalls`).
 */
export function admissionOf(maxInFlightCalls: number): Omit<BulkheadOptions, 'name'> {
  return {
    maxConcurrent: maxInFlightCalls,
    maxPerKey: Math.max(1, Math.floor((maxInFlightCalls * 3) / 4)),
    maxQueue: maxInFlightCalls,
    maxWaitMs: 500,
  };
}

/**
 * A service's main database and its outbox's, `<main>_outbox`: on FerretDB/SQLite a file with
 * a writer lock of its own, so staging an intent does not queue behind the aggregate write.
 */
export function serviceDatabaseNames(main: string): { main: string; outbox: string } {
  return { main, outbox: `${main}_outbox` };
}
