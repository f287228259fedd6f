// Merges racing each other against the real servers: opposite merges and cycles sent at once,
// the same merge sent twice at once, and a merge of a survivor whose own merge is still being
// re-pointed. FerretDB has no transactions: only the contact leases keep these apart.
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { isServiceError, readErrorInfo } from '@kith/grpc-kit';
import { testInfra } from '@kith/testkit';
import mongoose from 'mongoose';
import { LEASE_TTL_MS, type ContactLease } from '../src/domain/contact-lease';
import { CONTACT_LEASES_COLLECTION } from '../src/store/contact-lease.repository';
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './support/duplicate-test-client';
import { householdTestClient, type HouseholdTestClient } from './support/household-test-client';
import {
  relationshipTestClient,
  type RelationshipTestClient,
} from './support/relationship-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

function person(first: string) {
  return {
    kind: 'CONTACT_KIND_PERSON' as const,
    fields: {
      person: { firstName: first, lastName: 'Smith' },
      emails: [{ address: `${first.toLowerCase()}@example.org`, type: 'home' }],
    },
  };
}

/** 'won', or the gRPC status a refused merge answered. */
async function outcome(merge: Promise<unknown>): Promise<'won' | grpc.status> {
  try {
    await merge;
    return 'won';
  } catch (err) {
    if (isServiceError(err)) return err.code;
    throw err;
  }
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('merges racing each other against the real servers', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let duplicates: DuplicateTestClient;
  let households: HouseholdTestClient;
  let relationships: RelationshipTestClient;
  let connection: mongoose.Connection;

  beforeAll(async () => {
    running = await startContactService('contact-merge-races');
    connection = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: running.dbName })
      .asPromise();
    contacts = contactTestClient(running.service.grpcPort);
    duplicates = duplicateTestClient(running.service.grpcPort);
    households = householdTestClient(running.service.grpcPort);
    relationships = relationshipTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    contacts?.close();
    duplicates?.close();
    households?.close();
    relationships?.close();
    await connection?.close();
    await running?.stop();
  });

  /** A lease another merge (alive, or dead for a while) holds on the contact. */
  async function leasedBySomeoneElse(tenant: string, contactId: string, ageMs: number) {
    await connection
      .getClient()
      .db(running.dbName)
      .collection<ContactLease & { _id: string }>(CONTACT_LEASES_COLLECTION)
      .insertOne({
        _id: `${tenant}:${contactId}`,
        tenantId: tenant,
        contactId,
        holder: 'another-merge',
        takenAt: new Date(Date.now() - ageMs).toISOString(),
      });
  }

  const live = async (tenant: string, ids: string[]): Promise<string[]> => {
    const found = await Promise.all(ids.map((id) => contacts.get(tenant, id).catch(() => null)));
    return found.filter((c) => c !== null).map((c) => c.id);
  };
  const refusals = [grpc.status.ABORTED, grpc.status.FAILED_PRECONDITION];

  it('lets exactly one of two opposite merges sent at once win, and keeps the other record', async () => {
    const tenant = newTenant();
    const results: Array<{ outcomes: Array<'won' | grpc.status>; live: string[] }> = [];
    for (let round = 0; round < 5; round++) {
      const x = await contacts.create(tenant, person(`X${round}`));
      const y = await contacts.create(tenant, person(`Y${round}`));

      const outcomes = await Promise.all([
        outcome(duplicates.merge(tenant, { survivorId: y.id, victimId: x.id })),
        outcome(duplicates.merge(tenant, { survivorId: x.id, victimId: y.id })),
      ]);

      results.push({ outcomes, live: await live(tenant, [x.id, y.id]) });
    }
    for (const { outcomes, live: alive } of results) {
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      expect(refusals).toContain(outcomes.find((o) => o !== 'won'));
      expect(alive).toHaveLength(1);
    }
  });

  it('never lets a cycle of three merges sent at once all win, and keeps one record live', async () => {
    const tenant = newTenant();
    const [a, b, c] = await Promise.all(
      ['A', 'B', 'C'].map((n) => contacts.create(tenant, person(n))),
    );
    const ids = [a, b, c].map((contact) => contact?.id ?? '');

    const outcomes = await Promise.all([
      outcome(duplicates.merge(tenant, { survivorId: ids[1], victimId: ids[0] })),
      outcome(duplicates.merge(tenant, { survivorId: ids[2], victimId: ids[1] })),
      outcome(duplicates.merge(tenant, { survivorId: ids[0], victimId: ids[2] })),
    ]);

    const wins = outcomes.filter((o) => o === 'won').length;
    expect(wins).toBeLessThan(3);
    // As if run one after the other: each win takes one record away.
    expect(await live(tenant, ids)).toHaveLength(3 - wins);
  });

  it('answers ABORTED with the reason CONTACT_BUSY, and changes nothing, while another merge holds a contact', async () => {
    const tenant = newTenant();
    const survivor = await contacts.create(tenant, person('Jane'));
    const victim = await contacts.create(tenant, person('Janet'));
    await leasedBySomeoneElse(tenant, victim.id, 0);

    const refused = await duplicates
      .merge(tenant, { survivorId: survivor.id, victimId: victim.id })
      .catch((err: grpc.ServiceError) => err);

    expect(refused).toMatchObject({ code: grpc.status.ABORTED });
    expect(readErrorInfo(refused as grpc.ServiceError)?.reason).toBe(CONTACT_ERROR_REASONS.busy);
    expect(await live(tenant, [survivor.id, victim.id])).toHaveLength(2);
  });

  it('takes over the lease of a merge that died and merges', async () => {
    const tenant = newTenant();
    const survivor = await contacts.create(tenant, person('Jane'));
    const victim = await contacts.create(tenant, person('Janet'));
    await leasedBySomeoneElse(tenant, victim.id, LEASE_TTL_MS + 1000);

    const merged = await duplicates.merge(tenant, { survivorId: survivor.id, victimId: victim.id });

    expect(merged.survivor?.version).toBe('2');
  });

  it('answers two identical merges sent at once the same way, as a sequential repeat', async () => {
    const tenant = newTenant();
    const survivor = await contacts.create(tenant, person('Jane'));
    const victim = await contacts.create(tenant, person('Janet'));
    const request = { survivorId: survivor.id, victimId: victim.id };

    const [first, second] = await Promise.all([
      duplicates.merge(tenant, request),
      duplicates.merge(tenant, request),
    ]);

    expect(second.survivor).toEqual(first.survivor);
    expect(first.survivor?.version).toBe('2');
  });

  it('moves household place and relationship of A to C when B is merged into C right after A into B', async () => {
    const tenant = newTenant();
    const [a, b, c] = await Promise.all(
      ['Ann', 'Bea', 'Cat'].map((n) => contacts.create(tenant, person(n))),
    );
    const acme = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: { organization: { name: 'Acme' } },
    });
    await relationships.create(tenant, {
      typeCode: 'employee-of',
      contactAId: a?.id ?? '',
      contactBId: acme.id,
    });
    const household = await households.call('CreateHousehold', tenant, {});
    await households.call('AddHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: '1',
      contactId: a?.id,
    });

    await duplicates.merge(tenant, { survivorId: b?.id ?? '', victimId: a?.id ?? '' });
    // A client retries a merge answered ABORTED (busy) with the same request.
    await eventually(
      () => outcome(duplicates.merge(tenant, { survivorId: c?.id ?? '', victimId: b?.id ?? '' })),
      (o) => o !== grpc.status.ABORTED,
    );

    const home = await eventually(
      () =>
        households.call('GetContactHousehold', tenant, { contactId: c?.id }).catch(() => undefined),
      (found) => found !== undefined,
    );
    const employer = await eventually(
      () => relationships.listFor(tenant, { contactId: acme.id }),
      (res) => res.relationships.some((r) => r.otherContactId === c?.id),
    );
    expect(home?.id).toBe(household.id);
    expect(home?.members.filter((m) => !m.leftAt).map((m) => m.contactId)).toEqual([c?.id]);
    expect(employer.relationships.map((r) => r.otherContactId)).toEqual([c?.id]);
  });
});
