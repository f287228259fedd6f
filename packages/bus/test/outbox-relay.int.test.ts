import { randomUUID } from 'node:crypto';
import { TOPICS } from '@kith/events';
import { readTopic, waitFor } from '@kith/testkit';
import {
  Outbox,
  OutboxRelay,
  OutboxVersionClaimedError,
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

beforeEach(async () => {
  env = await openBusTestEnv('outbox-relay');
  outbox = new Outbox(env.db);
});

afterEach(async () => {
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
});
