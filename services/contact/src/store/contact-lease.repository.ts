// Contact leases (domain/contact-lease.ts) in `contact_leases`, `_id = "<tenant>:<contactId>"`.
// Every operation is an `_id` insert, read or delete, the cheap ones on FerretDB 1.x; a delete
// also filters by holder so a late release never frees a lease someone else took since.
import { retryTransient, isDuplicateKeyError } from '@kith/bus';
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

  /** True if the lease is now ours; false if someone holds it (duplicate `_id`). */
  async insert(lease: ContactLease): Promise<boolean> {
    try {
      await retryTransient(() =>
        this.leases.insertOne({ _id: leaseId(lease.tenantId, lease.contactId), ...lease }),
      );
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async find(tenantId: string, contactId: string): Promise<ContactLease | undefined> {
    const doc = await retryTransient(() =>
      this.leases.findOne({ _id: leaseId(tenantId, contactId) }),
    );
    if (!doc || doc.tenantId !== tenantId) return undefined;
    const { _id: _ignored, ...lease } = doc;
    return lease;
  }

  /** Frees the lease if it still names this holder. */
  async release(lease: ContactLease): Promise<void> {
    await retryTransient(() =>
      this.leases.deleteOne({
        _id: leaseId(lease.tenantId, lease.contactId),
        holder: lease.holder,
      }),
    );
  }
}
