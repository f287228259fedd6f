// The one-household-per-person claim: `{ _id: "<tenantId>:<contactId>", householdId }`.
// An insert with that `_id` is the unique check, and the one filter FerretDB 1.x pushes down
// to SQL; no other query reads this collection on a hot path.
export const HOUSEHOLD_MEMBERSHIPS_COLLECTION = 'household_memberships';

export interface MembershipClaim {
  _id: string;
  tenantId: string;
  contactId: string;
  householdId: string;
  /** UTC ISO-8601. A young claim whose household does not list the person is in flight. */
  claimedAt: string;
}

export function membershipClaimId(tenantId: string, contactId: string): string {
  return `${tenantId}:${contactId}`;
}
