// In-memory stand-ins for the transaction service's stores, for unit tests of the use cases and
// handlers: a donation repository with the real one's version check, a contact projection, and
// a database for @kith/idempotency's key records (an `_id` insert refused when taken).
import type { OutboxItem } from '@kith/bus';
import type { ProjectedContact } from '@kith/contact-lifecycle';
import type { Db } from 'mongodb';
import type { ContactProjection } from '../../src/app/donation-contacts';
import type { Donation } from '../../src/domain/donation';
import { DonationError } from '../../src/domain/donation-error';
import type { DonationListQuery } from '../../src/domain/donation-list-query';
import { creditedContactIds } from '../../src/domain/soft-credits';
import type { DonationRepository, StoredDonation } from '../../src/store/donation.repository';

type Repository = Pick<
  DonationRepository,
  'findById' | 'insert' | 'update' | 'list' | 'findNaming'
>;

export class FakeDonations implements Repository {
  readonly rows = new Map<string, Donation>();
  /** Every outbox item written, in order. */
  readonly published: OutboxItem[] = [];
  /** Runs before the next update lands: another writer's change, to lose a race to. */
  beforeNextUpdate?: () => void;

  async findById(tenantId: string, id: string): Promise<StoredDonation | undefined> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId
      ? { donation: structuredClone(row), outboxLog: [] }
      : undefined;
  }

  async insert(donation: Donation, items: OutboxItem[]): Promise<void> {
    if (this.rows.has(donation.id))
      throw Object.assign(new Error('duplicate key'), { code: 11000 });
    this.rows.set(donation.id, structuredClone(donation));
    this.published.push(...items);
  }

  async update(donation: Donation, _log: unknown, items: OutboxItem[]): Promise<void> {
    const hook = this.beforeNextUpdate;
    this.beforeNextUpdate = undefined;
    hook?.();
    const stored = this.rows.get(donation.id);
    if (!stored || stored.version !== donation.version - 1) {
      throw DonationError.versionConflict(donation.id, donation.version - 1);
    }
    this.rows.set(donation.id, structuredClone(donation));
    this.published.push(...items);
  }

  async list(query: DonationListQuery): Promise<Donation[]> {
    return [...this.rows.values()]
      .filter((d) => d.tenantId === query.tenantId)
      .filter((d) => !query.filter.donorId || d.donorId === query.filter.donorId)
      .sort((a, b) => (b.receivedAt + b.id).localeCompare(a.receivedAt + a.id))
      .filter((d) => !query.after || d.receivedAt + d.id < query.after.receivedAt + query.after.id)
      .slice(0, query.pageSize + 1);
  }

  async findNaming(tenantId: string, contactId: string): Promise<Donation[]> {
    return [...this.rows.values()]
      .filter((d) => d.tenantId === tenantId)
      .filter((d) => d.donorId === contactId || creditedContactIds(d).includes(contactId))
      .map((d) => structuredClone(d));
  }
}

/** Contacts as the projection would know them; households as lists of members. */
export class FakeProjection implements ContactProjection {
  readonly contacts = new Map<string, ProjectedContact & { householdId?: string }>();
  readonly households = new Map<string, Array<{ contactId: string; deceased: boolean }>>();

  person(tenantId: string, id: string, extra: Partial<ProjectedContact> = {}): string {
    const reach = { status: 'unknown' as const, suppressed: false };
    this.contacts.set(`${tenantId}/${id}`, {
      id,
      tenantId,
      kind: 'person',
      version: 1,
      status: 'active',
      erased: false,
      emails: [],
      reachability: { email: reach, sms: reach, phone: reach, mail: reach },
      ...extra,
    });
    return id;
  }

  household(
    tenantId: string,
    householdId: string,
    members: Array<{ contactId: string; deceased?: boolean }>,
  ) {
    this.households.set(
      `${tenantId}/${householdId}`,
      members.map((m) => ({ contactId: m.contactId, deceased: m.deceased === true })),
    );
    for (const m of members) {
      const known = this.contacts.get(`${tenantId}/${m.contactId}`);
      if (known) known.householdId = householdId;
    }
  }

  async get(tenantId: string, id: string) {
    return this.contacts.get(`${tenantId}/${id}`);
  }

  async resolve(tenantId: string, id: string) {
    const mergedFrom: string[] = [];
    let contact = this.contacts.get(`${tenantId}/${id}`);
    while (contact?.mergedInto) {
      mergedFrom.push(contact.id);
      contact = this.contacts.get(`${tenantId}/${contact.mergedInto}`);
    }
    return contact ? { contact, mergedFrom } : undefined;
  }

  async currentMembers(tenantId: string, householdId: string) {
    return this.households.get(`${tenantId}/${householdId}`) ?? [];
  }
}

/** Just enough of a Db for IdempotentCreates: one collection of key records by `_id`. */
export function fakeKeyDb(): Db {
  const docs = new Map<string, Record<string, unknown>>();
  const collection = {
    // What InsertBatcher sends: unordered, each duplicate reported by its index.
    async insertMany(batch: { _id: string }[]) {
      const writeErrors: { index: number; code: number; errmsg: string }[] = [];
      batch.forEach((doc, index) => {
        if (docs.has(doc._id)) writeErrors.push({ index, code: 11000, errmsg: 'duplicate key' });
        else docs.set(doc._id, structuredClone(doc));
      });
      if (writeErrors.length > 0) throw Object.assign(new Error('write errors'), { writeErrors });
      return { acknowledged: true, insertedCount: batch.length };
    },
    async findOne(filter: { _id: string }) {
      return docs.get(filter._id) ?? null;
    },
  };
  return { collection: () => collection } as unknown as Db;
}
