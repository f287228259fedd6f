// Membership claims (household-membership.model.ts): every operation is an `_id` insert,
// read or delete, the cheap ones on FerretDB 1.x. Deletes also filter by householdId so a
// late cleanup never frees a claim that another household has taken since.
import { retryTransient, isDuplicateKeyError } from '@kith/bus';
import type { mongo } from 'mongoose';
import {
  HOUSEHOLD_MEMBERSHIPS_COLLECTION,
  membershipClaimId,
  type MembershipClaim,
} from './household-membership.model';

export class HouseholdMembershipRepository {
  private readonly claims: mongo.Collection<MembershipClaim>;

  constructor(db: mongo.Db) {
    this.claims = db.collection<MembershipClaim>(HOUSEHOLD_MEMBERSHIPS_COLLECTION);
  }

  /** True if the claim is now ours; false if someone holds it (duplicate `_id`). */
  async claim(args: Omit<MembershipClaim, '_id'>): Promise<boolean> {
    try {
      await retryTransient(() =>
        this.claims.insertOne({ _id: membershipClaimId(args.tenantId, args.contactId), ...args }),
      );
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async find(tenantId: string, contactId: string): Promise<MembershipClaim | undefined> {
    const claim = await this.claims.findOne({ _id: membershipClaimId(tenantId, contactId) });
    return claim && claim.tenantId === tenantId ? claim : undefined;
  }

  /** Frees the person's claim if it still names this household. */
  async release(tenantId: string, contactId: string, householdId: string): Promise<void> {
    await retryTransient(() =>
      this.claims.deleteOne({ _id: membershipClaimId(tenantId, contactId), householdId }),
    );
  }
}
