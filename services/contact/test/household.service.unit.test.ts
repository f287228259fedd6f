// The claim protocol of HouseholdService against in-memory stores, including the states a
// crash between the claim write and the household write leaves behind.
import { MemoryCollection } from '@kith/aggregate-store';
import { DomainError } from '@kith/errors';
import type { mongo } from 'mongoose';
import { HouseholdService } from '../src/app/household.service';
import type { Contact } from '../src/domain/contact';
import { ContactErrorCode } from '../src/domain/contact-error';
import type { Household } from '../src/domain/household';
import type { ContactRepository } from '../src/store/contact.repository';
import type { MembershipClaim } from '../src/store/household-membership.model';
import { HouseholdMembershipRepository } from '../src/store/household-membership.repository';
import type { HouseholdRepository } from '../src/store/household.repository';

const TENANT = 'tenant-a';
const NOW = '2026-01-01T10:00:00.000Z';
const LONG_AGO = '2025-12-31T10:00:00.000Z';

class MemoryHouseholds {
  readonly rows = new Map<string, Household>();
  async findById(tenantId: string, id: string) {
    const h = this.rows.get(id);
    return h && h.tenantId === tenantId ? { household: h, outboxLog: [] } : undefined;
  }
  async insert(household: Household) {
    this.rows.set(household.id, household);
  }
  async update(household: Household) {
    const stored = this.rows.get(household.id);
    if (stored?.version !== household.version - 1) throw new Error('version conflict');
    this.rows.set(household.id, household);
  }
}

/** The stored claims; the real repository (and so the claim protocol) runs over them. */
class MemoryMemberships extends MemoryCollection<MembershipClaim> {
  /** A claim as an earlier join (finished, in flight or crashed) left it. */
  async claim(args: Omit<MembershipClaim, '_id'>) {
    await this.insertOne({ _id: `${args.tenantId}:${args.contactId}`, ...args });
  }
}

function contact(id: string, kind: Contact['kind'] = 'person'): Contact {
  return {
    id,
    tenantId: TENANT,
    kind,
    version: 1,
    displayName: id,
    searchNames: [],
    emails: [],
    phones: [],
    addresses: [],
    tags: [],
    deceased: false,
    doNotContact: false,
    customFields: {},
    communication: {},
    consentHistory: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...(kind === 'person'
      ? { person: { firstName: id, lastName: 'Smith' } }
      : { organization: { name: id } }),
  };
}

function setup() {
  const households = new MemoryHouseholds();
  const memberships = new MemoryMemberships();
  const people = new Map([
    ['jane', contact('jane')],
    ['john', contact('john')],
    ['acme', contact('acme', 'organization')],
  ]);
  let seq = 0;
  const service = new HouseholdService({
    households: households as unknown as HouseholdRepository,
    memberships: new HouseholdMembershipRepository({
      collection: () => memberships,
    } as unknown as mongo.Db),
    contacts: {
      findById: async (_tenant: string, id: string) => {
        const c = people.get(id);
        return c ? { contact: c, outboxLog: [] } : undefined;
      },
    } as Pick<ContactRepository, 'findById'>,
    now: () => NOW,
    newId: () => `h-${++seq}`,
    claimGraceMs: 30_000,
  });
  return { service, households, memberships };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('expected a HouseholdError or ContactError');
}

function join(service: HouseholdService, household: Household, contactId: string) {
  return service.addMember({
    id: household.id,
    tenantId: TENANT,
    expectedVersion: household.version,
    member: { contactId },
  });
}

describe('household membership claims', () => {
  it('claims the person when they join', async () => {
    const { service, memberships } = setup();
    const household = await service.create({ tenantId: TENANT, changes: {} });

    await join(service, household, 'jane');

    expect(memberships.rows.get(`${TENANT}:jane`)?.householdId).toBe(household.id);
  });

  it('refuses a person whose household lists them with ALREADY_EXISTS', async () => {
    const { service } = setup();
    const first = await service.create({ tenantId: TENANT, changes: {} });
    const second = await service.create({ tenantId: TENANT, changes: {} });
    await join(service, first, 'jane');

    expect(await codeOf(join(service, second, 'jane'))).toBe(ContactErrorCode.ALREADY_EXISTS);
  });

  it('takes over an old claim left by a crash before the household write', async () => {
    const { service, memberships } = setup();
    const crashed = await service.create({ tenantId: TENANT, changes: {} });
    const other = await service.create({ tenantId: TENANT, changes: {} });
    await memberships.claim({
      tenantId: TENANT,
      contactId: 'jane',
      householdId: crashed.id,
      claimedAt: LONG_AGO,
    });

    const joined = await join(service, other, 'jane');

    expect(joined.members.map((m) => m.contactId)).toEqual(['jane']);
    expect(memberships.rows.get(`${TENANT}:jane`)?.householdId).toBe(other.id);
  });

  it('treats a young claim its household does not list as a join in flight', async () => {
    const { service, memberships } = setup();
    const inFlight = await service.create({ tenantId: TENANT, changes: {} });
    const other = await service.create({ tenantId: TENANT, changes: {} });
    await memberships.claim({
      tenantId: TENANT,
      contactId: 'jane',
      householdId: inFlight.id,
      claimedAt: NOW,
    });

    expect(await codeOf(join(service, other, 'jane'))).toBe(ContactErrorCode.ALREADY_EXISTS);
  });

  it('reuses its own leftover claim when the join into the same household is retried', async () => {
    const { service, memberships } = setup();
    const household = await service.create({ tenantId: TENANT, changes: {} });
    await memberships.claim({
      tenantId: TENANT,
      contactId: 'jane',
      householdId: household.id,
      claimedAt: NOW,
    });

    const joined = await join(service, household, 'jane');

    expect(joined.members).toHaveLength(1);
  });

  it('claims nothing for a request the rules refuse', async () => {
    const { service, memberships } = setup();
    const household = await service.create({ tenantId: TENANT, changes: {} });

    expect(await codeOf(join(service, household, 'acme'))).toBe(
      ContactErrorCode.FAILED_PRECONDITION,
    );
    expect(memberships.rows.size).toBe(0);
  });

  it('frees the claim when the person leaves', async () => {
    const { service, memberships } = setup();
    const household = await service.create({ tenantId: TENANT, changes: {} });
    const joined = await join(service, household, 'jane');

    await service.removeMember({
      id: household.id,
      tenantId: TENANT,
      expectedVersion: joined.version,
      contactId: 'jane',
    });

    expect(memberships.rows.size).toBe(0);
  });

  it('reads a claim left by a crash after leaving as no household', async () => {
    const { service, memberships } = setup();
    const household = await service.create({ tenantId: TENANT, changes: {} });
    const joined = await join(service, household, 'jane');
    const claim = memberships.rows.get(`${TENANT}:jane`);
    await service.removeMember({
      id: household.id,
      tenantId: TENANT,
      expectedVersion: joined.version,
      contactId: 'jane',
    });
    if (claim) memberships.rows.set(claim._id, claim); // the delete "never happened"

    expect(await codeOf(service.getContactHousehold(TENANT, 'jane'))).toBe(
      ContactErrorCode.NOT_FOUND,
    );
  });

  it('frees every current member’s claim when the household is deleted', async () => {
    const { service, memberships } = setup();
    const household = await service.create({ tenantId: TENANT, changes: {} });
    const one = await join(service, household, 'jane');
    const two = await join(service, one, 'john');

    await service.delete({ id: household.id, tenantId: TENANT, expectedVersion: two.version });

    expect(memberships.rows.size).toBe(0);
  });
});

describe('deleted people', () => {
  it('leave their household, which is named again from those who stay', async () => {
    const { service, memberships } = setup();
    const household = await service.create({ tenantId: TENANT, changes: {} });
    const one = await join(service, household, 'jane');
    await join(service, one, 'john');

    await service.removeDeletedPerson(TENANT, 'john');
    const after = await service.getContactHousehold(TENANT, 'jane');

    expect(after.name).toBe('jane Smith');
    expect(after.members.find((m) => m.contactId === 'john')?.leftAt).toBe(NOW);
    expect(memberships.rows.has(`${TENANT}:john`)).toBe(false);
  });

  it('change nothing when they were in no household', async () => {
    const { service, households } = setup();

    await service.removeDeletedPerson(TENANT, 'jane');

    expect(households.rows.size).toBe(0);
  });
});
