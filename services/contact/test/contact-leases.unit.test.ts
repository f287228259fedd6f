import { MemoryCollection } from '@kith/aggregate-store';
import type { mongo } from 'mongoose';
import { ContactLeases } from '../src/app/contact-leases';
import { ContactErrorCode } from '../src/domain/contact-error';
import {
  LEASE_TTL_MS,
  isLeaseStale,
  leaseOrder,
  type ContactLease,
} from '../src/domain/contact-lease';
import { ContactLeaseRepository } from '../src/store/contact-lease.repository';

const TENANT = 'tenant-a';
const NOW = '2026-03-01T12:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();

type LeaseDocument = ContactLease & { _id: string };

/** Leases as stored (insert fails on a taken `_id`), logging what happens to each lease. */
class LoggedLeases extends MemoryCollection<LeaseDocument> {
  readonly log: string[] = [];

  override async insertOne(doc: LeaseDocument) {
    const result = await super.insertOne(doc);
    if (doc.contactId) this.log.push(`take ${doc.contactId}`); // not a takeover's fence
    return result;
  }

  /** A takeover: the held lease goes and ours comes, in one write. */
  override async replaceOne(filter: Record<string, unknown>, replacement: ContactLease) {
    const result = await super.replaceOne(filter, replacement);
    if (result.matchedCount > 0) {
      this.log.push(`free ${replacement.contactId}`, `take ${replacement.contactId}`);
    }
    return result;
  }

  override async deleteOne(filter: Record<string, unknown>) {
    const contactId = this.rows.get(String(filter._id))?.contactId;
    const result = await super.deleteOne(filter);
    if (result.deletedCount > 0 && contactId) this.log.push(`free ${contactId}`);
    return result;
  }
}

/** The real lease store over leases held by others. */
function givenStore(held: ContactLease[] = []) {
  const leases = new LoggedLeases();
  for (const lease of held) {
    const id = `${lease.tenantId}:${lease.contactId}`;
    leases.rows.set(id, { _id: id, ...lease });
  }
  const store = new ContactLeaseRepository({ collection: () => leases } as unknown as mongo.Db);
  return { leases: leases.rows, log: leases.log, store };
}

const other = (contactId: string, takenAt = NOW): ContactLease => ({
  tenantId: TENANT,
  contactId,
  holder: 'someone-else',
  takenAt,
});

describe('contact leases', () => {
  it('takes leases in sorted order whatever order the request names them in', () => {
    expect(leaseOrder(['c-2', 'c-1', 'c-2'])).toEqual(['c-1', 'c-2']);
  });

  it('judges a lease stale only once it is older than the TTL', () => {
    expect(isLeaseStale(other('c-1', ago(LEASE_TTL_MS - 1)), NOW)).toBe(false);
    expect(isLeaseStale(other('c-1', ago(LEASE_TTL_MS)), NOW)).toBe(true);
  });

  it('holds both leases while the work runs and frees them afterwards', async () => {
    const { store, log } = givenStore();
    const leases = new ContactLeases({ leases: store, now: () => NOW });

    await leases.hold(TENANT, ['c-2', 'c-1'], Date.now() + 1000, async () => {
      log.push('work');
    });

    expect(log).toEqual(['take c-1', 'take c-2', 'work', 'free c-2', 'free c-1']);
  });

  it('answers BUSY and does no work when another request holds a lease past the deadline', async () => {
    const { store, log } = givenStore([other('c-2')]);
    const leases = new ContactLeases({ leases: store, now: () => NOW, pollMs: 1 });

    const refused = await leases
      .hold(TENANT, ['c-1', 'c-2'], Date.now() + 20, async () => log.push('work'))
      .catch((err: { code: ContactErrorCode }) => err.code);

    expect(refused).toBe(ContactErrorCode.BUSY);
    expect(log).toEqual(['take c-1', 'free c-1']);
  });

  it('takes over the lease of a request that died', async () => {
    const { store, log } = givenStore([other('c-1', ago(LEASE_TTL_MS + 1))]);
    const leases = new ContactLeases({ leases: store, now: () => NOW });

    await leases.hold(TENANT, ['c-1'], Date.now() + 1000, async () => {
      log.push('work');
    });

    expect(log).toEqual(['free c-1', 'take c-1', 'work', 'free c-1']);
  });

  it('frees its leases when the work fails', async () => {
    const { store, leases: stored } = givenStore();
    const leases = new ContactLeases({ leases: store, now: () => NOW });

    await expect(
      leases.hold(TENANT, ['c-1', 'c-2'], Date.now() + 1000, async () => {
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');

    expect(stored.size).toBe(0);
  });
});
