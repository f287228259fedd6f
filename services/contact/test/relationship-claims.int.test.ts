// The pair claim's repair rules against the real servers: a claim left behind by a writer
// that died between the claim and the relationship insert is taken over once it is stale, and
// respected while its writer may still be writing. Also: catalogue changes reach Kafka.
import * as grpc from '@grpc/grpc-js';
import { readTopic, testInfra } from '@kith/testkit';
import mongoose from 'mongoose';
import {
  contactTestClient,
  failureOf,
  type ContactTestClient,
} from './support/contact-test-client';
import {
  relationshipTestClient,
  type RelationshipTestClient,
} from './support/relationship-test-client';
import {
  jane,
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

interface ClaimDoc {
  _id: string;
  tenantId: string;
  relationshipId: string;
  claimedAt: string;
}

const acme = {
  kind: 'CONTACT_KIND_ORGANIZATION' as const,
  fields: { organization: { name: 'Acme Foundation' } },
};

describe('relationship pair claims', () => {
  let running: TestContactService;
  let contacts: ContactTestClient;
  let relationships: RelationshipTestClient;
  let connection: mongoose.Connection;

  beforeAll(async () => {
    running = await startContactService('relationship-claims');
    contacts = contactTestClient(running.service.grpcPort);
    relationships = relationshipTestClient(running.service.grpcPort);
    connection = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: running.dbName })
      .asPromise();
  });

  afterAll(async () => {
    contacts?.close();
    relationships?.close();
    await connection?.close();
    await running?.stop();
  });

  async function givenClaimLeftBehind(tenant: string, a: string, b: string, ageMs: number) {
    await connection.collection<ClaimDoc>('relationship_claims').insertOne({
      _id: `${tenant}:employee-of:${a}:${b}`,
      tenantId: tenant,
      relationshipId: '01900000-0000-7000-8000-00000000dead',
      claimedAt: new Date(Date.now() - ageMs).toISOString(),
    });
  }

  it('takes over a claim whose writer died before writing the relationship', async () => {
    const tenant = newTenant();
    const person = await contacts.create(tenant, jane);
    const organization = await contacts.create(tenant, acme);
    await givenClaimLeftBehind(tenant, person.id, organization.id, 60_000);

    const created = await relationships.create(tenant, {
      typeCode: 'employee-of',
      contactAId: person.id,
      contactBId: organization.id,
    });
    const claim = await connection
      .collection<ClaimDoc>('relationship_claims')
      .findOne({ _id: `${tenant}:employee-of:${person.id}:${organization.id}` });

    expect(claim?.relationshipId).toBe(created.id);
  });

  it('respects a claim whose writer may still be writing', async () => {
    const tenant = newTenant();
    const person = await contacts.create(tenant, jane);
    const organization = await contacts.create(tenant, acme);
    await givenClaimLeftBehind(tenant, person.id, organization.id, 1_000);

    const failure = await failureOf(
      relationships.create(tenant, {
        typeCode: 'employee-of',
        contactAId: person.id,
        contactBId: organization.id,
      }),
    );

    expect(failure.code).toBe(grpc.status.ALREADY_EXISTS);
  });
});

describe('relationship catalogue events', () => {
  let running: TestContactService;
  let relationships: RelationshipTestClient;

  beforeAll(async () => {
    running = await startContactService('relationship-type-events');
    relationships = relationshipTestClient(running.service.grpcPort);
  });

  afterAll(async () => {
    relationships?.close();
    await running?.stop();
  });

  it('publishes a catalogue change keyed by tenant and code', async () => {
    const tenant = newTenant();

    await relationships.call('UpsertRelationshipType', tenant, {
      code: 'mentor-of',
      expectedVersion: '0',
      labelAToB: 'mentor of',
      labelBToA: 'mentee of',
      contactKindA: 'person',
      contactKindB: 'person',
    });
    const messages = await readTopic({
      brokers: testInfra().kafkaBrokers,
      topic: `${running.prefix}kith.contact.v1`,
      count: 1,
    });
    const change = messages.find((m) => m.key === `${tenant}:mentor-of`);

    expect(change?.headers.ce_type).toBe('kith.relationship-type.changed.v1');
    expect(JSON.parse(change?.value?.toString() ?? '{}')).toMatchObject({
      change: 'created',
      relationshipType: { code: 'mentor-of', labelBToA: 'mentee of', version: 1 },
    });
  });
});
