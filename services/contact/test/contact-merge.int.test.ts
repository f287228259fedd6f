// Merging against the real servers: the merged event on Kafka, idempotent retries, a crash
// half-way through the saga finished by a retry, and the victim's relationships and
// household place moving to the survivor.
import * as grpc from '@grpc/grpc-js';
import { Outbox } from '@kith/bus';
import type { relationshipV1 } from '@kith/contracts';
import { readTopic, testInfra } from '@kith/testkit';
import mongoose from 'mongoose';
import { ContactLeases } from '../src/app/contact-leases';
import { ContactMergeService, type MergeStep } from '../src/app/contact-merge.service';
import { ContactLeaseRepository } from '../src/store/contact-lease.repository';
import { ContactMergeRepository } from '../src/store/contact-merge.repository';
import { contactModel } from '../src/store/contact.model';
import { ContactRepository } from '../src/store/contact.repository';
import {
  contactTestClient,
  failureOf,
  type ContactTestClient,
} from './support/contact-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './support/duplicate-test-client';
import { householdTestClient, type HouseholdTestClient } from './support/household-test-client';
import { eventually } from './support/merge-test-kit';
import {
  relationshipTestClient,
  type RelationshipTestClient,
} from './support/relationship-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

function person(first: string, email: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'CONTACT_KIND_PERSON' as const,
    fields: {
      person: { firstName: first, lastName: 'Smith' },
      emails: [{ address: email, type: 'home' }],
      ...extra,
    },
  };
}

describe('merging contacts against the real servers', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let duplicates: DuplicateTestClient;
  let connection: mongoose.Connection;

  beforeAll(async () => {
    running = await startContactService('contact-merge');
    contacts = contactTestClient(running.service.grpcPort);
    duplicates = duplicateTestClient(running.service.grpcPort);
    connection = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: running.dbName })
      .asPromise();
  });

  afterAll(async () => {
    contacts?.close();
    duplicates?.close();
    await connection?.close();
    await running?.stop();
  });

  /** The merge saga of a second "process" that dies after `step`. */
  function crashingMerges(step: MergeStep): ContactMergeService {
    const outbox = new Outbox(connection.getClient().db(`${running.dbName}_outbox`));
    const db = connection.getClient().db(running.dbName);
    return new ContactMergeService({
      contacts: new ContactRepository(contactModel(connection), outbox),
      merges: new ContactMergeRepository(db),
      leases: new ContactLeases({ leases: new ContactLeaseRepository(db) }),
      afterStep: async (reached) => {
        if (reached === step) throw new Error(`crash after ${step}`);
      },
    });
  }

  it('merges the victim into the survivor, tombstones it and publishes kith.contact.merged.v1', async () => {
    const tenant = newTenant();
    const survivor = await contacts.create(
      tenant,
      person('Jane', 'jane@example.org', { tags: ['donor'] }),
    );
    const victim = await contacts.create(
      tenant,
      person('Janet', 'janet@example.org', { tags: ['volunteer'] }),
    );

    const merged = await duplicates.merge(tenant, {
      survivorId: survivor.id,
      victimId: victim.id,
      fieldChoices: { firstName: 'victim' },
    });

    expect(merged.survivor).toMatchObject({ version: '2', displayName: 'Janet Smith' });
    expect(merged.survivor?.fields?.emails.map((e) => e.address)).toEqual([
      'jane@example.org',
      'janet@example.org',
    ]);
    expect(merged.survivor?.fields?.tags).toEqual(['donor', 'volunteer']);
    const gone = await contacts.get(tenant, victim.id).catch((err: grpc.ServiceError) => err);
    expect(gone).toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: `contact ${victim.id} was merged into ${survivor.id}`,
    });
    const isMerge = (m: { headers: Record<string, string> }) =>
      m.headers.ce_type === 'kith.contact.merged.v1' && m.headers.kithtenant === tenant;
    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 1,
      until: (read) => read.some(isMerge),
    });
    const event = messages.find(isMerge);
    expect(event?.key).toBe(survivor.id);
    expect(JSON.parse(event?.value?.toString() ?? '{}')).toMatchObject({
      survivorId: survivor.id,
      victimId: victim.id,
      actorId: 'u-1',
      fieldChoices: { firstName: 'victim', lastName: 'survivor' },
      contact: { id: survivor.id, version: 2 },
      victim: { id: victim.id, mergedInto: survivor.id },
    });
  });

  it('answers the same result to a retry and refuses another survivor for the victim', async () => {
    const tenant = newTenant();
    const survivor = await contacts.create(tenant, person('Jane', 'jane@example.org'));
    const victim = await contacts.create(tenant, person('Janet', 'janet@example.org'));
    const other = await contacts.create(tenant, person('Joan', 'joan@example.org'));
    const request = { survivorId: survivor.id, victimId: victim.id };
    const first = await duplicates.merge(tenant, request);

    const again = await duplicates.merge(tenant, request);
    const elsewhere = await failureOf(
      duplicates.merge(tenant, { survivorId: other.id, victimId: victim.id }),
    );

    expect(again.survivor).toEqual(first.survivor);
    expect(elsewhere.code).toBe(grpc.status.FAILED_PRECONDITION);
  });

  it.each<MergeStep>(['claimed', 'absorbed'])(
    'finishes a merge that crashed after the %s step when it is retried',
    async (step) => {
      const tenant = newTenant();
      const survivor = await contacts.create(tenant, person('Jane', 'jane@example.org'));
      const victim = await contacts.create(tenant, person('Janet', 'janet@example.org'));
      const command = {
        tenantId: tenant,
        survivorId: survivor.id,
        victimId: victim.id,
        fieldChoices: {},
      };
      await expect(crashingMerges(step).merge(command)).rejects.toThrow(`crash after ${step}`);
      const halfway = await contacts.get(tenant, victim.id);

      const retried = await duplicates.merge(tenant, {
        survivorId: survivor.id,
        victimId: victim.id,
      });

      expect(halfway.id).toBe(victim.id);
      expect(retried.survivor?.version).toBe('2');
      expect(retried.survivor?.fields?.emails).toHaveLength(2);
      expect((await failureOf(contacts.get(tenant, victim.id))).code).toBe(grpc.status.NOT_FOUND);
    },
  );

  it('releases a claimed victim whose survivor was deleted before absorbing it', async () => {
    const tenant = newTenant();
    const survivor = await contacts.create(tenant, person('Jane', 'jane@example.org'));
    const victim = await contacts.create(tenant, person('Janet', 'janet@example.org'));
    const other = await contacts.create(tenant, person('Joan', 'joan@example.org'));
    const command = {
      tenantId: tenant,
      survivorId: survivor.id,
      victimId: victim.id,
      fieldChoices: {},
    };
    await expect(crashingMerges('claimed').merge(command)).rejects.toThrow('crash after claimed');
    await contacts.delete(tenant, survivor.id, '1');

    const retried = await failureOf(
      duplicates.merge(tenant, { survivorId: survivor.id, victimId: victim.id }),
    );
    const elsewhere = await duplicates.merge(tenant, { survivorId: other.id, victimId: victim.id });

    expect(retried.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(elsewhere.survivor?.id).toBe(other.id);
  });

  it("moves the victim's relationships and household place to the survivor", async () => {
    const tenant = newTenant();
    const relationships: RelationshipTestClient = relationshipTestClient(running.service.grpcPort);
    const households: HouseholdTestClient = householdTestClient(running.service.grpcPort);
    try {
      const survivor = await contacts.create(tenant, person('Jane', 'jane@example.org'));
      const victim = await contacts.create(tenant, person('Janet', 'janet@example.org'));
      const acme = await contacts.create(tenant, {
        kind: 'CONTACT_KIND_ORGANIZATION',
        fields: { organization: { name: 'Acme' } },
      });
      await relationships.create(tenant, {
        typeCode: 'employee-of',
        contactAId: victim.id,
        contactBId: acme.id,
      });
      const household = await households.call('CreateHousehold', tenant, {});
      await households.call('AddHouseholdMember', tenant, {
        householdId: household.id,
        expectedVersion: '1',
        contactId: victim.id,
      });

      await duplicates.merge(tenant, { survivorId: survivor.id, victimId: victim.id });

      const moved = await eventually(
        () => relationships.listFor(tenant, { contactId: acme.id }),
        (res: relationshipV1.ListContactRelationshipsResponse__Output) =>
          res.relationships.some((r) => r.otherContactId === survivor.id),
      );
      expect(moved.relationships.map((r) => r.otherContactId)).toEqual([survivor.id]);
      const home = await eventually(
        () =>
          households
            .call('GetContactHousehold', tenant, { contactId: survivor.id })
            .catch(() => undefined),
        (found) => found !== undefined,
      );
      expect(home?.id).toBe(household.id);
    } finally {
      relationships.close();
      households.close();
    }
  });
});
