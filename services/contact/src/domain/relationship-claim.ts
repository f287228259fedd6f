// Duplicate prevention without transactions or partial indexes. A current relationship
// holds a claim document whose `_id` is its (tenant, type, normalised pair): the unique `_id`
// makes the insert of a second claim fail atomically, on FerretDB too. Claims can outlive
// their reason (a crash between two writes, an end date that passed), so a claim found in
// the way is judged against its holder and taken over when stale: a later writer repairs it.
import { isActive, type Relationship } from './relationship';

export interface RelationshipClaim {
  /** See pairClaimId. */
  id: string;
  tenantId: string;
  relationshipId: string;
  /** UTC ISO-8601. */
  claimedAt: string;
}

/**
 * How long a claim whose relationship does not exist (yet) is respected: its writer may be
 * between the claim insert and the relationship insert. After this, the writer is presumed
 * dead and the claim stale.
 */
export const CLAIM_IN_FLIGHT_MS = 30_000;

export type ClaimVerdict = 'held' | 'in-flight' | 'stale';

/**
 * `held`: a current relationship owns the pair (duplicate). `in-flight`: its relationship is
 * still being written (answer duplicate too; a retry after a few seconds sees the truth).
 * `stale`: the holder ended, was deleted or never got written; the claim may be taken over.
 */
export function judgeClaim(
  claim: RelationshipClaim,
  holder: Relationship | undefined,
  now: string,
): ClaimVerdict {
  if (holder && holder.id === claim.relationshipId && holder.tenantId === claim.tenantId) {
    return isActive(holder, now.slice(0, 10)) ? 'held' : 'stale';
  }
  const age = Date.parse(now) - Date.parse(claim.claimedAt);
  // A claim from a clock slightly ahead (another replica) counts as in flight too.
  return age < CLAIM_IN_FLIGHT_MS ? 'in-flight' : 'stale';
}
