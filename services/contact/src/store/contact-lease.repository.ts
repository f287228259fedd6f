// Contact leases (domain/contact-lease.ts) in `contact_leases`, `_id = "<tenant>:<contactId>"`,
// through @kith/aggregate-store's unique claims: an `_id` insert takes a lease, a stale one is
// taken over behind a fence, and a release names the holder, so a late release never frees a
// lease someone else took since.
import { claimUnique, releaseClaim } from '@kith/aggregate-store';
import type { mongo } from 'mongoose';
import type { ContactLease } from '../domain/contact-lease';

export const CONTACT_LEASES_COLLECTION = 'contact_leases';

interface LeaseDocument extends ContactLease {
  _id: string;
}

function leaseId(tenantId: string, contactId: string): string {
  return `${tenantId}:${contactId}`;
}

export class ContactLeaseRepository {
  private readonly leases: mongo.Collection<LeaseDocument>;

  constructor(db: mongo.Db) {
    this.leases = db.collection<LeaseDocument>(CONTACT_LEASES_COLLECTION);
  }

  /** True if the lease is now ours: free, or held by a holder `isStale` presumes dead. */
  async take(lease: ContactLease, isStale: (held: ContactLease) => boolean): Promise<boolean> {
    const doc = { _id: leaseId(lease.tenantId, lease.contactId), ...lease };
    const result = await claimUnique(this.leases, doc, {
      owner: 'holder',
      claimedAt: 'takenAt',
      isStale,
    });
    return result.claimed;
  }

  /** Frees the lease if it still names this holder. */
  async release(lease: ContactLease): Promise<void> {
    const id = leaseId(lease.tenantId, lease.contactId);
    await releaseClaim(this.leases, id, { holder: lease.holder });
  }
}
