// A throwaway consumer built only from the kit, to prove it: a "thank-you notes" service keeps
// notes that quote the person, learns contacts from kith.contact.v1 on real Kafka (published by
// a ContactEventFeed), re-points notes on a merge and deletes them on an erasure through the
// kit's hooks, answers its export through personalDataService, and passes the lifecycle
// conformance suite every service runs. Against the real servers.
import { randomUUID } from 'node:crypto';
import { createKafka, ensureTopics, EventProducer, type ConsumerRunner } from '@kith/bus';
import { PERSONAL_DATA_PROTO } from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { createGrpcServer, type GrpcServer } from '@kith/grpc-kit';
import { createLogger } from '@kith/logger';
import {
  ContactEventFeed,
  describeLifecycleConformance,
  personalDataTestClient,
  storedDocumentTexts,
  testDbName,
  testInfra,
  uniquePrefix,
  waitFor,
  type LifecycleSubject,
  type PersonalDataTestClient,
  type PersonValues,
  type PreparedEvent,
} from '@kith/testkit';
import { MongoClient, type Collection, type Db } from 'mongodb';
import { ContactLifecycle, personalDataService, projectErasure, projectSnapshot } from '../src';

interface Note {
  _id: string;
  tenantId: string;
  contactId: string;
  text: string;
}

const logger = createLogger({ service: 'example-consumer', level: 'silent' });
const prefix = uniquePrefix('example-consumer');
let mongo: MongoClient;
let db: Db;
let notes: Collection<Note>;
let lifecycle: ContactLifecycle;
let consumer: ConsumerRunner;
let producer: EventProducer;
let server: GrpcServer;
let personalData: PersonalDataTestClient;
let feed: ContactEventFeed;
const valuesOf = new Map<string, PersonValues>();

beforeAll(async () => {
  const infra = testInfra();
  mongo = await new MongoClient(infra.mongoUrl).connect();
  db = mongo.db(testDbName('example-consumer'));
  notes = db.collection<Note>('notes');
  const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'example-consumer', logger });
  await ensureTopics(kafka, [TOPICS.contact], { prefix });
  producer = new EventProducer(kafka, { topicPrefix: prefix });
  await producer.connect();

  // What a real service's main.ts would declare: the projection, its two hooks, its export.
  lifecycle = new ContactLifecycle(db)
    .onMerged(async (victimId, survivorId, { tenantId }) => {
      await notes.updateMany(
        { tenantId, contactId: victimId },
        { $set: { contactId: survivorId } },
      );
    })
    .onErased(async (contactId, { tenantId }) => {
      await notes.deleteMany({ tenantId, contactId });
    });
  await lifecycle.store.ensureIndexes();
  consumer = lifecycle.consumer({
    kafka,
    producer,
    logger,
    groupId: 'notes-contacts',
    topicPrefix: prefix,
  });
  await consumer.start();

  server = createGrpcServer({
    logger,
    protoFiles: [PERSONAL_DATA_PROTO],
    services: [
      personalDataService(
        'notes',
        async (tenantId, contactId) => {
          const held = await notes.find({ tenantId, contactId }).toArray();
          if (held.length === 0) return [];
          const json = JSON.stringify(held.map((n) => ({ id: n._id, contactId, text: n.text })));
          return [{ name: 'notes', json }];
        },
        { logger },
      ),
    ],
  });
  const port = await server.start('127.0.0.1:0');
  personalData = personalDataTestClient(`127.0.0.1:${port}`);

  feed = new ContactEventFeed(infra.kafkaBrokers, prefix);
  await feed.connect();
});

afterAll(async () => {
  personalData?.close();
  await server?.stop();
  await consumer?.stop();
  await producer?.disconnect();
  await feed?.close();
  await mongo?.close();
});

/** The service has seen every event the feed sent: each contact's projection is at its version. */
async function caughtUp(): Promise<void> {
  await waitFor(
    async () => {
      for (const { tenantId, id, version } of feed.contacts()) {
        const known = await lifecycle.store.latest(tenantId, id);
        if (!known || known.version < version) return false;
      }
      return true;
    },
    { what: 'the example consumer to catch up with the feed' },
  );
}

/** The same event twice at once is the suite's "delivered twice": one event id, two deliveries. */
function once(build: () => PreparedEvent): () => Promise<void> {
  let prepared: PreparedEvent | undefined;
  return () => feed.publish((prepared ??= build()));
}
const merges = new Map<string, () => Promise<void>>();
const erasures = new Map<string, () => Promise<void>>();
const deliver = (
  pending: Map<string, () => Promise<void>>,
  key: string,
  build: () => PreparedEvent,
): Promise<void> => {
  const send = pending.get(key) ?? once(build);
  pending.set(key, send);
  return send();
};

const exampleConsumer: LifecycleSubject = {
  role: 'consumer',
  serviceName: 'notes',
  newTenant: () => `tenant-${randomUUID()}`,
  async createPerson(tenant, values) {
    const id = await feed.createPerson(tenant, values);
    valuesOf.set(id, values);
    await waitFor(() => lifecycle.store.get(tenant, id), { what: `contact ${id} projected` });
    return id;
  },
  async attachRecords(tenant, contactId) {
    const known = await lifecycle.store.get(tenant, contactId);
    const values = valuesOf.get(contactId);
    if (known?.status !== 'active' || !values) throw new Error(`${contactId} is not active`);
    const note = {
      _id: randomUUID(),
      tenantId: tenant,
      contactId,
      text: `Thanked ${values.firstName} ${values.lastName} <${values.email}> for the gift`,
    };
    await notes.insertOne(note);
    return [note._id];
  },
  async recordsOf(tenant, contactId) {
    const held = await notes.find({ tenantId: tenant, contactId }).toArray();
    return held.map((n) => n._id);
  },
  merge: (tenant, survivorId, victimId) =>
    deliver(merges, `${tenant}\n${survivorId}\n${victimId}`, () =>
      feed.prepareMerge(tenant, survivorId, victimId),
    ),
  erase: (tenant, contactId) =>
    deliver(erasures, `${tenant}\n${contactId}`, () => feed.prepareErase(tenant, contactId)),
  async storedDocuments() {
    await caughtUp();
    return storedDocumentTexts(db, db.databaseName);
  },
  exportOf: (tenant, contactId) => personalData.exportOf(tenant, contactId),
};

describeLifecycleConformance('example consumer', () => exampleConsumer);

describe('example consumer: the projection', () => {
  it('knows a merged victim as merged into its survivor and an erased person as erased', async () => {
    const tenant = exampleConsumer.newTenant();
    const survivor = await exampleConsumer.createPerson(tenant, {
      firstName: 'Ada',
      lastName: 'Byron',
      email: 'ada@example.org',
    });
    const victim = await exampleConsumer.createPerson(tenant, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada.l@example.org',
    });

    await exampleConsumer.merge(tenant, survivor, victim);
    await exampleConsumer.erase(tenant, survivor);
    await caughtUp();

    expect(await lifecycle.store.get(tenant, victim)).toMatchObject({
      status: 'merged',
      mergedInto: survivor,
      version: 2,
    });
    expect(await lifecycle.store.get(tenant, survivor)).toMatchObject({
      status: 'erased',
      erased: true,
      version: 3,
      reachability: { email: { suppressed: true } },
    });
  });

  it('finds a live contact by its address in any case, and no longer once merged away or erased', async () => {
    const tenant = exampleConsumer.newTenant();
    const tag = randomUUID().slice(0, 8);
    const values = (first: string) => ({
      firstName: first,
      lastName: 'Finch',
      email: `${first.toLowerCase()}.${tag}@example.org`,
    });
    const [kept, victim, erased] = [
      await exampleConsumer.createPerson(tenant, values('Kept')),
      await exampleConsumer.createPerson(tenant, values('Victim')),
      await exampleConsumer.createPerson(tenant, values('Erased')),
    ];
    const found = async (first: string) =>
      (await lifecycle.store.findByEmail(tenant, ` ${values(first).email.toUpperCase()} `)).map(
        (c) => c.id,
      );
    expect(await found('Victim')).toEqual([victim]);

    await exampleConsumer.merge(tenant, kept, victim);
    await exampleConsumer.erase(tenant, erased);
    await caughtUp();

    expect(await found('Kept')).toEqual([kept]);
    expect(await found('Victim')).toEqual([]);
    expect(await found('Erased')).toEqual([]);
    expect(await lifecycle.store.findByEmail(`${tenant}-other`, values('Kept').email)).toEqual([]);
  });

  it('knows the household a person is in now, none once they left, and ignores a replay', async () => {
    const tenant = exampleConsumer.newTenant();
    const values = { firstName: 'Jo', lastName: 'March', email: 'jo@example.org' };
    const [jo, meg] = [
      await exampleConsumer.createPerson(tenant, values),
      await exampleConsumer.createPerson(tenant, { ...values, firstName: 'Meg' }),
    ];
    const household = randomUUID();
    const householdOf = async (id: string) => (await lifecycle.store.get(tenant, id))?.householdId;
    const joined = feed.prepareHousehold(tenant, household, 1, [{ contactId: jo }]);

    await feed.publish(joined);
    const first = await waitFor(() => householdOf(jo), { what: "jo's household" });
    await feed.publish(
      feed.prepareHousehold(tenant, household, 2, [{ contactId: jo, left: true }]),
    );
    await feed.publish(joined);
    // One household's events share a partition: once Meg is in, both earlier ones were handled.
    await feed.publish(
      feed.prepareHousehold(tenant, household, 3, [
        { contactId: jo, left: true },
        { contactId: meg },
      ]),
    );
    await waitFor(async () => (await householdOf(meg)) === household, {
      what: "meg's household",
    });

    expect(first).toBe(household);
    expect(await householdOf(jo)).toBeUndefined();
  });

  it("lists a household's current members with who died, without those who left or are gone", async () => {
    const tenant = exampleConsumer.newTenant();
    const values = { firstName: 'Marmee', lastName: 'March', email: 'marmee@example.org' };
    const [marmee, beth, amy, laurie] = [
      await exampleConsumer.createPerson(tenant, values),
      await exampleConsumer.createPerson(tenant, { ...values, firstName: 'Beth' }),
      await exampleConsumer.createPerson(tenant, { ...values, firstName: 'Amy' }),
      await exampleConsumer.createPerson(tenant, { ...values, firstName: 'Laurie' }),
    ];
    const household = randomUUID();
    await feed.publish(
      feed.prepareHousehold(tenant, household, 1, [
        { contactId: marmee },
        { contactId: beth, deceased: true },
        { contactId: amy },
        { contactId: laurie, left: true },
      ]),
    );
    await waitFor(async () => (await lifecycle.store.get(tenant, amy))?.householdId, {
      what: "amy's household",
    });
    const before = await lifecycle.store.currentMembers(tenant, household);

    await exampleConsumer.erase(tenant, amy);
    await caughtUp();

    const byId = (a: { contactId: string }, b: { contactId: string }) =>
      a.contactId.localeCompare(b.contactId);
    expect(before).toEqual(
      [
        { contactId: marmee, deceased: false },
        { contactId: beth, deceased: true },
        { contactId: amy, deceased: false },
      ].sort(byId),
    );
    expect(await lifecycle.store.currentMembers(tenant, household)).toEqual(
      [
        { contactId: marmee, deceased: false },
        { contactId: beth, deceased: true },
      ].sort(byId),
    );
    expect(await lifecycle.store.currentMembers(`${tenant}-other`, household)).toEqual([]);
  });

  it('follows a merge chain to the contact at its end, naming the victims passed', async () => {
    const tenant = exampleConsumer.newTenant();
    const values = { firstName: 'Chain', lastName: 'Link', email: 'chain@example.org' };
    const [a, b, c] = [
      await exampleConsumer.createPerson(tenant, values),
      await exampleConsumer.createPerson(tenant, { ...values, firstName: 'B' }),
      await exampleConsumer.createPerson(tenant, { ...values, firstName: 'C' }),
    ];

    await exampleConsumer.merge(tenant, b, a);
    await exampleConsumer.merge(tenant, c, b);
    await caughtUp();

    expect(await lifecycle.store.resolve(tenant, a)).toMatchObject({
      contact: { id: c, status: 'active' },
      mergedFrom: [a, b],
    });
    expect(await lifecycle.store.resolve(tenant, c)).toMatchObject({
      contact: { id: c },
      mergedFrom: [],
    });
    expect(await lifecycle.store.resolve(tenant, randomUUID())).toBeUndefined();
  });

  it('waits a moment for a contact whose creation is still on its way', async () => {
    const tenant = exampleConsumer.newTenant();
    const values = { firstName: 'Late', lastName: 'Comer', email: 'late@example.org' };

    const [created, resolved] = await Promise.all([
      feed.createPerson(tenant, values),
      (async () => {
        // Asked before the event is even sent: only the wait can find it.
        await new Promise((resolve) => setTimeout(resolve, 10));
        const ids = feed.contacts().filter((c) => c.tenantId === tenant);
        return lifecycle.store.resolve(tenant, ids[0]?.id ?? '', { waitForUnknownMs: 5000 });
      })(),
    ]);

    expect(resolved?.contact).toMatchObject({ id: created, status: 'active' });
  });

  it('keeps the newest version when an older one or the same one arrives again', async () => {
    const tenant = exampleConsumer.newTenant();
    const contact = projectSnapshot({
      id: randomUUID(),
      tenantId: tenant,
      kind: 'person',
      version: 1,
      displayName: 'Grace Hopper',
      emails: [],
      phones: [],
      tags: [],
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    const erased = projectErasure({ contactId: contact.id, tenantId: tenant, version: 2 }, contact);

    const answers = [
      await lifecycle.store.put(contact),
      await lifecycle.store.put(erased),
      await lifecycle.store.put(contact),
      ...(await Promise.all([lifecycle.store.put(erased), lifecycle.store.put(erased)])),
    ];

    expect(answers).toEqual([true, true, false, false, false]);
    expect(await lifecycle.store.latest(tenant, contact.id)).toEqual(erased);
    const stored = await db
      .collection('contact_projection')
      .find({ tenantId: tenant, contactId: contact.id })
      .toArray();
    expect(stored.map((v) => v.version as number)).toEqual([2]);
  });
});
