import { ContactLeases } from '../src/app/contact-leases';
import { ContactErrorCode } from '../src/domain/contact-error';
import {
  LEASE_TTL_MS,
  isLeaseStale,
  leaseOrder,
  type ContactLease,
} from '../src/domain/contact-lease';

const TENANT = 'tenant-a';
const NOW = '2026-03-01T12:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();

/** An in-memory lease store with the real one's rules: insert fails on a taken `_id`. */
function givenStore(held: ContactLease[] = []) {
  const leases = new Map(held.map((l) => [l.contactId, l]));
  const log: string[] = [];
  return {
    leases,
    log,
    store: {
      insert: async (lease: ContactLease) => {
        if (leases.has(lease.contactId)) return false;
        leases.set(lease.contactId, lease);
        log.push(`take ${lease.contactId}`);
        return true;
      },
      find: async (_tenant: string, contactId: string) => leases.get(contactId),
      release: async (lease: ContactLease) => {
        if (leases.get(lease.contactId)?.holder !== lease.holder) return;
        leases.delete(lease.contactId);
        log.push(`free ${lease.contactId}`);
      },
    },
  };
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
