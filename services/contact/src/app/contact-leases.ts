// Holding leases on a few contacts for the length of one piece of work (a merge's saga):
// take them in leaseOrder, wait a little for one that is held, take over a stale one, and
// always release what was taken. See domain/contact-lease.ts for the protocol.
import { randomUUID } from 'node:crypto';
import { ContactError } from '../domain/contact-error';
import { isLeaseStale, leaseOrder, type ContactLease } from '../domain/contact-lease';
import type { ContactLeaseRepository } from '../store/contact-lease.repository';

export interface ContactLeasesDeps {
  leases: Pick<ContactLeaseRepository, 'take' | 'release'>;
  now?: () => string;
  ttlMs?: number;
  /** Between two tries at a held lease. */
  pollMs?: number;
}

export class ContactLeases {
  private readonly now: () => string;
  private readonly pollMs: number;

  constructor(private readonly deps: ContactLeasesDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
    this.pollMs = deps.pollMs ?? 50;
  }

  /**
   * Runs `work` while holding every contact's lease. A lease still held by another request at
   * `deadline` (epoch ms) answers BUSY, a retryable refusal: nothing was done.
   */
  async hold<T>(
    tenantId: string,
    contactIds: readonly string[],
    deadline: number,
    work: () => Promise<T>,
  ): Promise<T> {
    const holder = randomUUID();
    const taken: ContactLease[] = [];
    try {
      for (const contactId of leaseOrder(contactIds)) {
        taken.push(await this.take({ tenantId, contactId, holder }, deadline));
      }
      return await work();
    } finally {
      // Best effort: a lease left behind goes stale and is taken over.
      for (const lease of taken.reverse()) await this.deps.leases.release(lease).catch(() => {});
    }
  }

  private async take(
    wanted: Omit<ContactLease, 'takenAt'>,
    deadline: number,
  ): Promise<ContactLease> {
    for (;;) {
      const lease = { ...wanted, takenAt: this.now() };
      const taken = await this.deps.leases.take(lease, (held) =>
        isLeaseStale(held, this.now(), this.deps.ttlMs),
      );
      if (taken) return lease;
      if (Date.now() + this.pollMs > deadline) {
        throw ContactError.busy(
          `contact ${wanted.contactId} is being merged by another request; retry shortly`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }
}
