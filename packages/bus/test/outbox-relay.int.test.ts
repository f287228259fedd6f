import { randomUUID } from 'node:crypto';
import { TOPICS } from '@kith/events';
import { readTopic, waitFor } from '@kith/testkit';
import {
  Outbox,
  OutboxRelay,
  OutboxVersionClaimedError,
  insertManyThroughOutbox,
  type CreatedEventRebuilder,
  type OutboxCreate,
  type OutboxLogRecord,
  type OutboxRelayOptions,
  type StagedWrite,
} from '../src';
import { TRACEPARENT, contactEvent, messageCount, openBusTestEnv } from './bus-test-env';
import type { BusTestEnv } from './bus-test-env';

const AGGREGATES = 'contacts';

interface ContactDoc {
  _id: string;
  tenantId: string;
  version: number;
  _outboxLog: OutboxLogRecord[];
}

let env: BusTestEnv;
let outbox: Outbox;
/** Started by `startedRelay`: stopped after each test, even a failed one. */
let started: OutboxRelay | undefined;

beforeEach(async () => {
  env = await openBusTestEnv('outbox-relay');
  outbox = new Outbox(env.db);
});

afterEach(async () => {
  await started?.stop();
  started = undefined;
  await env.close();
});

function relay(overrides: Partial<OutboxRelayOptions> = {}, Relay = OutboxRelay): OutboxRelay {
  return new Relay({
    db: env.db,
    producer: env.producer,
    outbox,
    logger: env.logger,
    pollIntervalMs: 50,
    ...overrides,
  });
}

/** A running relay, stopped after the test whatever its outcome. */
async function startedRelay(overrides: Partial<OutboxRelayOptions> = {}): Promise<OutboxRelay> {
  started = relay(overrides);
  await started.start();
  return started;
}

/** A relay of a process started after the writer's died: it owns none of the intents. */
function restartedRelay(overrides: Partial<OutboxRelayOptions> = {}): OutboxRelay {
  return relay({ outbox: new Outbox(env.db), ...overrides });
}

const contacts = () => env.db.collection<ContactDoc>(AGGREGATES);

/** What a repository does, stopping where a crash would stop it. */
async function writeContact(
  id: string,
  version: number,
  stopAfter: 'stage' | 'write' | 'commit' = 'commit',
  type = version === 1 ? 'kith.contact.created.v1' : 'kith.contact.updated.v1',
) {
  const event = contactEvent(id, type);
  const staged: StagedWrite = await outbox.stage({
    collection: AGGREGATES,
    aggregateId: id,
    version,
    items: [{ topic: TOPICS.contact, key: id, event }],
  });
  if (stopAfter === 'stage') return event;
  const current = await contacts().findOne({ _id: id });
  const state = {
    tenantId: 'tenant-a',
    version,
    _outboxLog: staged.outboxLog(current?._outboxLog),
  };
  if (current) await contacts().updateOne({ _id: id, version: version - 1 }, { $set: state });
  else await contacts().insertOne({ _id: id, ...state });
  if (stopAfter === 'write') return event;
  await staged.commit();
  return event;
}

/** A new contact as an import writes it: its created event and the document to insert. */
function creationOf(id = randomUUID()): OutboxCreate<ContactDoc> {
  return {
    aggregateId: id,
    items: [{ topic: TOPICS.contact, key: id, event: contactEvent(id) }],
    document: (outboxLog) => ({ _id: id, tenantId: 'tenant-a', version: 1, _outboxLog: outboxLog }),
  };
}

function creations(count: number): Array<OutboxCreate<ContactDoc>> {
  return Array.from({ length: count }, () => creationOf());
}

function eventIdsOf(batch: ReadonlyArray<OutboxCreate<ContactDoc>>): string[] {
  return batch.flatMap((c) => c.items.map((item) => item.event.id));
}

/**
 * What `insertManyThroughOutbox` does, stopping where a crash would stop it: the creates
 * intent is staged and the documents listed in `inserted` are written, never committed.
 */
async function createsOfDeadWriter(
  batch: ReadonlyArray<OutboxCreate<ContactDoc>>,
  opts: { writer?: Outbox; inserted?: readonly string[] } = {},
): Promise<void> {
  const inserted = new Set(opts.inserted ?? batch.map((c) => c.aggregateId));
  const staged = await (opts.writer ?? outbox).stageCreates({
    collection: AGGREGATES,
    creates: batch,
    meta: { traceparent: TRACEPARENT },
  });
  const docs = batch
    .filter((c) => inserted.has(c.aggregateId))
    .map((c) => c.document(staged.outboxLog(c.aggregateId)));
  if (docs.length > 0) await contacts().insertMany(docs);
}

/** The test collection's rebuilder: a created event per logged id, from the document. */
const rebuildContact: CreatedEventRebuilder = (doc, eventIds, meta) =>
  eventIds.map((id) => ({
    topic: TOPICS.contact,
    key: String(doc._id),
    event: { ...contactEvent(String(doc._id)), id, traceparent: meta.traceparent ?? '' },
  }));
const rebuildCreated = { [AGGREGATES]: rebuildContact };

describe('OutboxRelay against real Kafka and FerretDB', () => {
  it('publishes every event written while no relay ran, once each, with CloudEvents headers', async () => {
    const events = [];
    for (let i = 0; i < 12; i += 1) events.push(await writeContact(randomUUID(), 1));

    const running = relay();
    await running.start();
    const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 12 });
    await waitFor(async () => (await outbox.intents.countDocuments()) === 0);
    await running.stop();

    expect(await messageCount(env.kafka, env.topic)).toBe(12);
    const byId = new Map(messages.map((m) => [m.headers.ce_id, m]));
    for (const event of events) {
      const message = byId.get(event.id);
      expect(message?.key).toBe(event.subject);
      expect(message?.headers).toEqual({
        ce_id: event.id,
        ce_type: 'kith.contact.created.v1',
        ce_source: 'kith/contact',
        ce_time: event.time,
        ce_specversion: '1.0',
        ce_subject: event.subject,
        kithtenant: 'tenant-a',
        traceparent: TRACEPARENT,
        'content-type': 'application/json',
      });
      expect(JSON.parse(message?.value?.toString() ?? '')).toEqual(event.data);
    }
  });

  it('publishes a write whose writer died before committing, once the grace period is over', async () => {
    const id = randomUUID();
    const event = await writeContact(id, 1, 'write');

    const early = await restartedRelay({ graceMs: 60_000 }).drainOnce();
    const late = await restartedRelay({ graceMs: 0 }).drainOnce();

    expect(early).toBe(0);
    expect(late).toBe(1);
    const [message] = await readTopic({ brokers: env.brokers, topic: env.topic, count: 1 });
    expect(message?.headers.ce_id).toBe(event.id);
    expect(await outbox.intents.countDocuments()).toBe(0);
  });

  it('never publishes a write that did not happen, and drops its intent once abandoned', async () => {
    await writeContact(randomUUID(), 1, 'stage');

    const waiting = await restartedRelay({ graceMs: 0, abandonAfterMs: 60_000 }).drainOnce();
    const leftWaiting = await outbox.intents.countDocuments();
    const abandoned = await restartedRelay({ graceMs: 0, abandonAfterMs: 0 }).drainOnce();

    expect([waiting, abandoned]).toEqual([0, 0]);
    expect(leftWaiting).toBe(1);
    expect(await outbox.intents.countDocuments()).toBe(0);
    expect(await messageCount(env.kafka, env.topic)).toBe(0);
  });

  it('re-publishes with the same ce_id when killed between publish and delete (consumer-runner.int.test.ts shows it is handled once)', async () => {
    class KilledAfterPublish extends OutboxRelay {
      protected override async forget(): Promise<void> {
        throw new Error('process killed after publishing');
      }
    }
    const events = [];
    for (let i = 0; i < 4; i += 1) events.push(await writeContact(randomUUID(), 1));

    await expect(relay({}, KilledAfterPublish).drainOnce()).rejects.toThrow('killed');
    const republished = await restartedRelay({ graceMs: 0 }).drainOnce();

    expect(republished).toBe(4);
    const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 8 });
    const ids = messages.map((m) => m.headers.ce_id).sort();
    expect(ids).toEqual([...events, ...events].map((e) => e.id).sort());
  });

  it('lets only one of two writers racing for the same version stage its events', async () => {
    const id = randomUUID();
    await writeContact(id, 1);

    const results = await Promise.allSettled([writeContact(id, 2), writeContact(id, 2)]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(OutboxVersionClaimedError);
    expect(await contacts().findOne({ _id: id })).toMatchObject({ version: 2 });
  });

  it('publishes an aggregate’s versions in order, holding later ones behind an uncommitted earlier one', async () => {
    const id = randomUUID();
    const v1 = await writeContact(id, 1, 'write');
    const v2 = await writeContact(id, 2);
    const v3 = await writeContact(id, 3);

    const held = await relay({ graceMs: 0 }).drainOnce();
    const released = await restartedRelay({ graceMs: 0 }).drainOnce();

    expect([held, released]).toEqual([0, 3]);
    const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 3 });
    expect(messages.map((m) => m.headers.ce_id)).toEqual([v1.id, v2.id, v3.id]);
  });

  it('is woken by a commit instead of waiting for its poll', async () => {
    const running = relay({ pollIntervalMs: 600_000 });
    await running.start();

    const event = await writeContact(randomUUID(), 1);
    const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 1 });
    await running.stop();

    expect(messages[0]?.headers.ce_id).toBe(event.id);
  });

  describe('creates intents (Outbox.stageCreates, insertManyThroughOutbox)', () => {
    it('publishes every creation of an insertMany once and leaves no creates intent', async () => {
      const batch = creations(8);
      const running = await startedRelay({ rebuildCreated });

      const { written } = await insertManyThroughOutbox(
        outbox,
        { collection: AGGREGATES, into: contacts() },
        batch,
      );
      const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 8 });
      await waitFor(async () => (await outbox.creates.countDocuments()) === 0, {
        what: 'creates intent deleted',
      });
      await running.stop();

      expect(written).toHaveLength(8);
      expect(await messageCount(env.kafka, env.topic)).toBe(8);
      expect(messages.map((m) => m.headers.ce_id).sort()).toEqual(eventIdsOf(batch).sort());
    });

    it('publishes nothing of a dead writer’s creates intent within the grace period', async () => {
      await createsOfDeadWriter(creations(2));

      const sent = await restartedRelay({ graceMs: 60_000, rebuildCreated }).drainOnce();

      expect(sent).toBe(0);
      expect(await outbox.creates.countDocuments()).toBe(1);
      expect(await messageCount(env.kafka, env.topic)).toBe(0);
    });

    it('says again the creations a dead writer inserted, with the event ids the documents logged', async () => {
      const batch = creations(3);
      await createsOfDeadWriter(batch);

      const sent = await restartedRelay({ graceMs: 0, rebuildCreated }).drainOnce();

      expect(sent).toBe(3);
      const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 3 });
      const logged = (await contacts().find({}).toArray()).flatMap(
        (d) => d._outboxLog[0]?.eventIds,
      );
      expect(messages.map((m) => m.headers.ce_id).sort()).toEqual(logged.sort());
      expect(logged.sort()).toEqual(eventIdsOf(batch).sort());
      expect(messages.every((m) => m.headers.traceparent === TRACEPARENT)).toBe(true);
      expect(await outbox.creates.countDocuments()).toBe(0);
    });

    it('holds an update of a contact behind its creation by a dead writer until the creation is said', async () => {
      const creation = creationOf();
      await createsOfDeadWriter([creation], { writer: new Outbox(env.db) });
      const update = await writeContact(creation.aggregateId, 2);

      const held = await relay({ graceMs: 60_000, rebuildCreated }).drainOnce();
      const released = await relay({ graceMs: 0, rebuildCreated }).drainOnce();

      expect([held, released]).toEqual([0, 2]);
      const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 2 });
      expect(messages.map((m) => m.headers.ce_id)).toEqual([...eventIdsOf([creation]), update.id]);
      expect(messages.map((m) => m.headers.ce_type)).toEqual([
        'kith.contact.created.v1',
        'kith.contact.updated.v1',
      ]);
    });

    it('never publishes creations that were never inserted, and deletes the intent once abandoned', async () => {
      await createsOfDeadWriter(creations(2), { inserted: [] });

      const waiting = await restartedRelay({
        graceMs: 0,
        abandonAfterMs: 60_000,
        rebuildCreated,
      }).drainOnce();
      const leftWaiting = await outbox.creates.countDocuments();
      const abandoned = await restartedRelay({
        graceMs: 0,
        abandonAfterMs: 0,
        rebuildCreated,
      }).drainOnce();

      expect([waiting, abandoned]).toEqual([0, 0]);
      expect(leftWaiting).toBe(1);
      expect(await outbox.creates.countDocuments()).toBe(0);
      expect(await messageCount(env.kafka, env.topic)).toBe(0);
    });

    it('publishes the creations that were inserted and drops the rest once abandoned', async () => {
      const kept = creationOf();
      const lost = creationOf();
      await createsOfDeadWriter([kept, lost], { inserted: [kept.aggregateId] });

      const sent = await restartedRelay({
        graceMs: 0,
        abandonAfterMs: 0,
        rebuildCreated,
      }).drainOnce();

      expect(sent).toBe(1);
      const [message] = await readTopic({ brokers: env.brokers, topic: env.topic, count: 1 });
      expect(message?.headers.ce_id).toBe(eventIdsOf([kept])[0]);
      expect(await messageCount(env.kafka, env.topic)).toBe(1);
    });

    it('reports a document whose _id exists as failed and still writes and publishes the others', async () => {
      const [first, taken, last] = [creationOf(), creationOf(), creationOf()];
      await contacts().insertOne({
        _id: taken.aggregateId,
        tenantId: 'tenant-a',
        version: 1,
        _outboxLog: [],
      });

      const { written, failed } = await insertManyThroughOutbox(
        outbox,
        { collection: AGGREGATES, into: contacts() },
        [first, taken, last],
      );
      const sent = await relay({ rebuildCreated }).drainOnce();

      expect(written.sort()).toEqual([first.aggregateId, last.aggregateId].sort());
      expect([...failed.keys()]).toEqual([taken.aggregateId]);
      expect(failed.get(taken.aggregateId)?.code).toBe(11000);
      expect(sent).toBe(2);
      const messages = await readTopic({ brokers: env.brokers, topic: env.topic, count: 2 });
      expect(messages.map((m) => m.headers.ce_id).sort()).toEqual(eventIdsOf([first, last]).sort());
      expect(await messageCount(env.kafka, env.topic)).toBe(2);
      expect(await outbox.creates.countDocuments()).toBe(0);
    });
  });
});
