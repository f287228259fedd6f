// Membership claims (household-membership.model.ts) through @kith/aggregate-store's unique
// claims: an `_id` insert, read or delete each, the cheap ones on FerretDB. A release also
// names the household, so a late cleanup never frees a claim another household took since.
import { claimUnique, findClaim, releaseClaim, type ClaimRules } from '@kith/aggregate-store';
import type { mongo } from 'mongoose';
import {
  HOUSEHOLD_MEMBERSHIPS_COLLECTION,
  membershipClaimId,
  type MembershipClaim,
} from './household-membership.model';

export type MembershipStaleness = Pick<ClaimRules<MembershipClaim>, 'staleAfterMs' | 'isStale'>;

export class HouseholdMembershipRepository {
  private readonly claims: mongo.Collection<MembershipClaim>;

  constructor(db: mongo.Db) {
    this.claims = db.collection<MembershipClaim>(HOUSEHOLD_MEMBERSHIPS_COLLECTION);
  }

  /**
   * True if the person's claim is now this household's: inserted, already its own, or taken
   * over from a claim the rules call stale; false if another household holds it.
   */
  async claim(claim: Omit<MembershipClaim, '_id'>, stale: MembershipStaleness): Promise<boolean> {
    const doc = { _id: membershipClaimId(claim.tenantId, claim.contactId), ...claim };
    const result = await claimUnique(this.claims, doc, {
      owner: 'householdId',
      claimedAt: 'claimedAt',
      ...stale,
    });
    return result.claimed;
  }

  find(tenantId: string, contactId: string): Promise<MembershipClaim | undefined> {
    return findClaim(this.claims, tenantId, membershipClaimId(tenantId, contactId));
  }

  /** Frees the person's claim if it still names this household. */
  async release(tenantId: string, contactId: string, householdId: string): Promise<void> {
    await releaseClaim(this.claims, membershipClaimId(tenantId, contactId), { householdId });
  }
}
