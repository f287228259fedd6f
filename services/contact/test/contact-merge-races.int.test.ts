// Merges racing each other against the real servers: opposite merges and cycles sent at once,
// the same merge sent twice at once, and a merge of a survivor whose own merge is still being
// re-pointed. FerretDB has no transactions: only the contact leases keep these apart.
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { readErrorInfo } from '@kith/grpc-kit';
import { testInfra } from '@kith/testkit';
import mongoose from 'mongoose';
import { LEASE_TTL_MS, type ContactLease } from '../src/domain/contact-lease';
import { CONTACT_LEASES_COLLECTION } from '../src/store/contact-lease.repository';
import {
  aPerson,
  eventually,
  mergeClients,
  outcomeOf,
  type MergeClients,
} from './support/merge-test-kit';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

describe('merges racing each other against the real servers', () => {
  let running: TestContactService;
  let clients: MergeClients;
  let connection: mongoose.Connection;

  beforeAll(async () => {
    running = await startContactService('contact-merge-races');
    connection = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: running.dbName })
      .asPromise();
    clients = mergeClients(running.service.grpcPort);
  });

  afterAll(async () => {
    clients?.close();
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
    const found = await Promise.all(
      ids.map((id) => clients.contacts.get(tenant, id).catch(() => null)),
    );
    return found.filter((c) => c !== null).map((c) => c.id);
  };
  const refusals = [grpc.status.ABORTED, grpc.status.FAILED_PRECONDITION];

  it('lets exactly one of two opposite merges sent at once win, and keeps the other record', async () => {
    const tenant = newTenant();
    const results: Array<{ outcomes: Array<'won' | grpc.status>; live: string[] }> = [];
    for (let round = 0; round < 5; round++) {
      const x = await clients.contacts.create(tenant, aPerson(`X${round}`));
      const y = await clients.contacts.create(tenant, aPerson(`Y${round}`));

      const outcomes = await Promise.all([
        outcomeOf(clients.duplicates.merge(tenant, { survivorId: y.id, victimId: x.id })),
        outcomeOf(clients.duplicates.merge(tenant, { survivorId: x.id, victimId: y.id })),
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
      ['A', 'B', 'C'].map((n) => clients.contacts.create(tenant, aPerson(n))),
    );
    const ids = [a, b, c].map((contact) => contact?.id ?? '');

    const outcomes = await Promise.all([
      outcomeOf(clients.duplicates.merge(tenant, { survivorId: ids[1], victimId: ids[0] })),
      outcomeOf(clients.duplicates.merge(tenant, { survivorId: ids[2], victimId: ids[1] })),
      outcomeOf(clients.duplicates.merge(tenant, { survivorId: ids[0], victimId: ids[2] })),
    ]);

    const wins = outcomes.filter((o) => o === 'won').length;
    expect(wins).toBeLessThan(3);
    // As if run one after the other: each win takes one record away.
    expect(await live(tenant, ids)).toHaveLength(3 - wins);
  });

  it('answers ABORTED with the reason CONTACT_BUSY, and changes nothing, while another merge holds a contact', async () => {
    const tenant = newTenant();
    const survivor = await clients.contacts.create(tenant, aPerson('Jane'));
    const victim = await clients.contacts.create(tenant, aPerson('Janet'));
    await leasedBySomeoneElse(tenant, victim.id, 0);

    const refused = await clients.duplicates
      .merge(tenant, { survivorId: survivor.id, victimId: victim.id })
      .catch((err: grpc.ServiceError) => err);

    expect(refused).toMatchObject({ code: grpc.status.ABORTED });
    expect(readErrorInfo(refused as grpc.ServiceError)?.reason).toBe(CONTACT_ERROR_REASONS.busy);
    expect(await live(tenant, [survivor.id, victim.id])).toHaveLength(2);
  });

  it('takes over the lease of a merge that died and merges', async () => {
    const tenant = newTenant();
    const survivor = await clients.contacts.create(tenant, aPerson('Jane'));
    const victim = await clients.contacts.create(tenant, aPerson('Janet'));
    await leasedBySomeoneElse(tenant, victim.id, LEASE_TTL_MS + 1000);

    const merged = await clients.duplicates.merge(tenant, {
      survivorId: survivor.id,
      victimId: victim.id,
    });

    expect(merged.survivor?.version).toBe('2');
  });

  it('answers two identical merges sent at once the same way, as a sequential repeat', async () => {
    const tenant = newTenant();
    const survivor = await clients.contacts.create(tenant, aPerson('Jane'));
    const victim = await clients.contacts.create(tenant, aPerson('Janet'));
    const request = { survivorId: survivor.id, victimId: victim.id };

    const [first, second] = await Promise.all([
      clients.duplicates.merge(tenant, request),
      clients.duplicates.merge(tenant, request),
    ]);

    expect(second.survivor).toEqual(first.survivor);
    expect(first.survivor?.version).toBe('2');
  });

  it('moves household place and relationship of A to C when B is merged into C right after A into B', async () => {
    const tenant = newTenant();
    const [a, b, c] = await Promise.all(
      ['Ann', 'Bea', 'Cat'].map((n) => clients.contacts.create(tenant, aPerson(n))),
    );
    const acme = await clients.contacts.create(tenant, {
      kind: 'CONTACT_KIND_ORGANIZATION',
      fields: { organization: { name: 'Acme' } },
    });
    await clients.relationships.create(tenant, {
      typeCode: 'employee-of',
      contactAId: a?.id ?? '',
      contactBId: acme.id,
    });
    const household = await clients.households.call('CreateHousehold', tenant, {});
    await clients.households.call('AddHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: '1',
      contactId: a?.id,
    });

    await clients.duplicates.merge(tenant, { survivorId: b?.id ?? '', victimId: a?.id ?? '' });
    // A client retries a merge answered ABORTED (busy) with the same request.
    await eventually(
      () =>
        outcomeOf(
          clients.duplicates.merge(tenant, { survivorId: c?.id ?? '', victimId: b?.id ?? '' }),
        ),
      (o) => o !== grpc.status.ABORTED,
    );

    const home = await eventually(
      () =>
        clients.households
          .call('GetContactHousehold', tenant, { contactId: c?.id })
          .catch(() => undefined),
      (found) => found !== undefined,
    );
    const employer = await eventually(
      () => clients.relationships.listFor(tenant, { contactId: acme.id }),
      (res) => res.relationships.some((r) => r.otherContactId === c?.id),
    );
    expect(home?.id).toBe(household.id);
    expect(home?.members.filter((m) => !m.leftAt).map((m) => m.contactId)).toEqual([c?.id]);
    expect(employer.relationships.map((r) => r.otherContactId)).toEqual([c?.id]);
  });
});
