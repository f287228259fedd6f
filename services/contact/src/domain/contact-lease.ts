// Short-lived leases on contacts, so that writes spanning two contacts (a merge) never
// interleave. The same unique claim as household membership and relationship pairs
// (@kith/aggregate-store claimUnique): the lease is a document whose unique `_id`
// (`<tenant>:<contactId>`) is taken by insert, the one compare-and-set FerretDB has; one found
// in the way is judged here (isLeaseStale) and, when its holder is presumed dead, taken over.
//
// Two requests that lease the same contacts take them in one order (sorted ids), so neither
// can hold one while waiting for the other's: no deadlock, and of requests sharing a contact
// exactly one runs at a time.

export interface ContactLease {
  tenantId: string;
  contactId: string;
  /** Random per request: a release or takeover removes only the lease it judged. */
  holder: string;
  /** UTC ISO-8601. */
  takenAt: string;
}

/**
 * How long a lease is respected. A merge holds its leases for a few single-document writes
 * (well under a second); one older than this belongs to a process that died, so a crashed
 * merge blocks its contacts for at most this long (its retry then resumes it).
 */
export const LEASE_TTL_MS = 15_000;

/** The order every request takes its leases in: sorted, without repeats. */
export function leaseOrder(contactIds: readonly string[]): string[] {
  return [...new Set(contactIds)].sort();
}

/** Stale once older than the TTL; one from a clock slightly ahead counts as young. */
export function isLeaseStale(lease: ContactLease, now: string, ttlMs = LEASE_TTL_MS): boolean {
  return Date.parse(now) - Date.parse(lease.takenAt) >= ttlMs;
}
