import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { TOPICS, dlqTopic } from '@kith/events';
import type { EventEnvelope } from '@kith/events';
import { startTelemetry } from '@kith/telemetry';
import { readTopic, waitFor } from '@kith/testkit';
import {
  ConsumerRunner,
  Outbox,
  OutboxRelay,
  PROCESSED_EVENTS_COLLECTION,
  type BatchEventHandler,
  type ConsumerRunnerOptions,
  type EventHandler,
} from '../src';
import { TRACEPARENT, contactEvent, messageCount, openBusTestEnv } from './bus-test-env';
import type { BusTestEnv } from './bus-test-env';

const CREATED = 'kith.contact.created.v1';

let env: BusTestEnv;
let runner: ConsumerRunner | undefined;

beforeEach(async () => {
  env = await openBusTestEnv('consumer');
});

afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await env.close();
});

async function startRunner(
  groupId: string,
  handler: EventHandler,
  dedupe: 'processed-ids' | 'handler' = 'processed-ids',
  more: Partial<ConsumerRunnerOptions> = {},
): Promise<void> {
  runner = new ConsumerRunner({
    dedupe,
    kafka: env.kafka,
    db: env.db,
    groupId,
    topics: [TOPICS.contact],
    topicPrefix: env.prefix,
    handlers: { [CREATED]: handler },
    producer: env.producer,
    logger: env.logger,
    retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 50 },
    ...more,
  });
  await runner.start();
}

function publish(...events: EventEnvelope[]): Promise<void> {
  // One key, so one partition: the order below is the order the consumer sees.
  return env.producer.publish(events.map((event) => ({ topic: TOPICS.contact, key: 'k', event })));
}

/** A runner whose created events also have a batch handler (dedupe by the handlers). */
function startBatchRunner(
  groupId: string,
  handler: EventHandler,
  batchHandler: BatchEventHandler,
): Promise<void> {
  return startRunner(groupId, handler, 'handler', { batchHandlers: { [CREATED]: batchHandler } });
}

/** True once the group's committed offsets reach the end of every partition. */
async function committedToEnd(groupId: string): Promise<boolean> {
  const admin = env.kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(env.topic);
    const [committed] = await admin.fetchOffsets({
      groupId: `${env.prefix}${groupId}`,
      topics: [env.topic],
    });
    return ends.every((end) => {
      const done = committed?.partitions.find((p) => p.partition === end.partition);
      return end.high === '0' || done?.offset === end.high;
    });
  } finally {
    await admin.disconnect();
  }
}

describe('ConsumerRunner against real Kafka and FerretDB', () => {
  it('handles each event once when a killed relay published it twice', async () => {
    const outbox = new Outbox(env.db);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) {
      const items = [{ topic: TOPICS.contact, key: id, event: contactEvent(id) }];
      const staged = await outbox.stage({
        collection: 'contacts',
        aggregateId: id,
        version: 1,
        items,
      });
      await env.db.collection('contacts').insertOne({
        _id: id as never,
        version: 1,
        _outboxLog: staged.outboxLog([]),
      });
      await staged.commit();
    }
    class CrashingRelay extends OutboxRelay {
      protected override async forget(): Promise<void> {
        throw new Error('process killed after publishing');
      }
    }
    const relayOpts = { db: env.db, producer: env.producer, outbox, logger: env.logger };
    await new CrashingRelay(relayOpts).drainOnce().catch(() => undefined);
    // The process restarts: a new Outbox owns none of the intents and resolves them.
    await new OutboxRelay({ ...relayOpts, outbox: new Outbox(env.db), graceMs: 0 }).drainOnce();
    const calls: string[] = [];

    await startRunner('dedupe', async (event) => {
      calls.push(event.subject);
    });
    await waitFor(() => committedToEnd('dedupe'), { what: 'group at end of topic' });

    expect(await messageCount(env.kafka, env.topic)).toBe(6);
    expect(calls.sort()).toEqual([...ids].sort());
    expect(await env.db.collection(PROCESSED_EVENTS_COLLECTION).countDocuments()).toBe(3);
  });

  it('leaves redeliveries to a handler that is idempotent by itself, writing no marks', async () => {
    const event = contactEvent('self-deduping');
    await publish(event, event);
    const seen = new Set<string>();
    const calls: string[] = [];

    await startRunner(
      'handler-dedupe',
      async (e) => {
        calls.push(e.id);
        seen.add(e.id);
      },
      'handler',
    );
    await waitFor(() => committedToEnd('handler-dedupe'), { what: 'group at end of topic' });

    expect(calls).toEqual([event.id, event.id]);
    expect(seen.size).toBe(1);
    expect(await env.db.collection(PROCESSED_EVENTS_COLLECTION).countDocuments()).toBe(0);
  });

  it('dead-letters an event whose handler keeps failing and goes on with the next', async () => {
    const bad = contactEvent('bad');
    const good = contactEvent('good');
    await publish(bad, good);
    const attempts: string[] = [];
    const handled: string[] = [];

    await startRunner('failing', async (event) => {
      attempts.push(event.subject);
      if (event.id === bad.id) throw new Error('projection store refused the write');
      handled.push(event.id);
    });
    const [dead] = await readTopic({
      brokers: env.brokers,
      topic: `${env.prefix}${dlqTopic(TOPICS.contact, 'failing')}`,
      count: 1,
    });
    await waitFor(async () => handled.includes(good.id), { what: 'good event handled' });

    expect(attempts.filter((s) => s === 'bad')).toHaveLength(3);
    expect(dead?.key).toBe('k');
    expect(dead?.headers).toMatchObject({
      ce_id: bad.id,
      kith_error: 'Error: projection store refused the write',
      kith_error_attempts: '3',
      kith_original_topic: env.topic,
      kith_original_partition: expect.stringMatching(/^\d+$/),
      kith_original_offset: '0',
      kith_consumer_group: 'failing',
    });
    expect(JSON.parse(dead?.value?.toString() ?? '')).toEqual(bad.data);
  });

  it('sends an undecodable message straight to the dead-letter topic', async () => {
    await env.producer.sendRaw([
      { topic: TOPICS.contact, key: 'k', value: Buffer.from('{not json'), headers: {} },
    ]);
    const good = contactEvent('good');
    await publish(good);
    const handled: string[] = [];

    await startRunner('undecodable', async (event) => {
      handled.push(event.id);
    });
    const [dead] = await readTopic({
      brokers: env.brokers,
      topic: `${env.prefix}${dlqTopic(TOPICS.contact, 'undecodable')}`,
      count: 1,
    });
    await waitFor(async () => handled.includes(good.id), { what: 'good event handled' });

    expect(dead?.value?.toString()).toBe('{not json');
    expect(dead?.headers).toMatchObject({
      kith_error: 'EnvelopeError: missing header ce_id',
      kith_error_attempts: '0',
    });
  });

  it('skips an event type it has no handler for and commits past it', async () => {
    const unknown = contactEvent('unknown', 'kith.contact.merged.v9');
    const good = contactEvent('good');
    await publish(unknown, good);
    const handled: string[] = [];

    await startRunner('skipping', async (event) => {
      handled.push(event.type);
    });
    await waitFor(() => committedToEnd('skipping'), { what: 'group at end of topic' });

    expect(handled).toEqual([CREATED]);
    expect(
      await messageCount(env.kafka, `${env.prefix}${dlqTopic(TOPICS.contact, 'skipping')}`),
    ).toBe(0);
  });

  it('runs the handler in a span of the trace named by the message traceparent', async () => {
    // The SDK brings the context manager that makes a span "active" inside the handler.
    const telemetry = startTelemetry({ serviceName: 'bus-test', exporter: 'none' });
    await publish(contactEvent('traced'));
    const spans: Array<{ traceId: string; spanId: string }> = [];

    try {
      await startRunner('traced', async () => {
        spans.push(trace.getActiveSpan()?.spanContext() ?? { traceId: 'none', spanId: 'none' });
      });
      await waitFor(async () => spans.length > 0, { what: 'handler call' });
    } finally {
      await telemetry.shutdown();
    }

    const [, traceId, parentSpanId] = TRACEPARENT.split('-');
    expect(spans[0]?.traceId).toBe(traceId);
    expect(spans[0]?.spanId).not.toBe(parentSpanId);
  });

  describe('with batch handlers', () => {
    it('hands events produced together to the batch handler in runs, each event once', async () => {
      const events = Array.from({ length: 6 }, (_, i) => contactEvent(`batched-${i}`));
      await publish(...events);
      const runs: string[][] = [];
      const singles: string[] = [];

      await startBatchRunner(
        'batched',
        async (event) => {
          singles.push(event.id);
        },
        async (run) => {
          runs.push(run.map((event) => event.id));
        },
      );
      await waitFor(() => committedToEnd('batched'), { what: 'group at end of topic' });

      expect(runs.some((run) => run.length > 1)).toBe(true);
      expect([...runs.flat(), ...singles].sort()).toEqual(events.map((e) => e.id).sort());
    });

    it('hands every event of a run whose batch handler failed to the single handler, in order', async () => {
      const events = Array.from({ length: 4 }, (_, i) => contactEvent(`fallback-${i}`));
      await publish(...events);
      const failedRuns: string[][] = [];
      const singles: string[] = [];

      await startBatchRunner(
        'batch-fails',
        async (event) => {
          singles.push(event.id);
        },
        async (run) => {
          failedRuns.push(run.map((event) => event.id));
          throw new Error('audit store refused the insertMany');
        },
      );
      await waitFor(() => committedToEnd('batch-fails'), { what: 'group at end of topic' });

      expect(failedRuns.length).toBeGreaterThan(0);
      expect(singles).toEqual(events.map((e) => e.id));
    });

    it('dead-letters a poison event of a failed run after its retries and handles the others', async () => {
      const [before, poison, after] = [
        contactEvent('before'),
        contactEvent('poison'),
        contactEvent('after'),
      ];
      await publish(before, poison, after);
      const attempts: string[] = [];
      const handled: string[] = [];

      await startBatchRunner(
        'batch-poison',
        async (event) => {
          attempts.push(event.subject);
          if (event.id === poison.id) throw new Error('audit entry failed validation');
          handled.push(event.id);
        },
        async (run) => {
          if (run.some((event) => event.id === poison.id))
            throw new Error('audit entry failed validation');
          handled.push(...run.map((event) => event.id));
        },
      );
      const [dead] = await readTopic({
        brokers: env.brokers,
        topic: `${env.prefix}${dlqTopic(TOPICS.contact, 'batch-poison')}`,
        count: 1,
      });
      await waitFor(() => committedToEnd('batch-poison'), { what: 'group at end of topic' });

      expect(attempts.filter((subject) => subject === 'poison')).toHaveLength(3);
      expect(handled).toEqual([before.id, after.id]);
      expect(dead?.headers).toMatchObject({
        ce_id: poison.id,
        kith_error: 'Error: audit entry failed validation',
        kith_error_attempts: '3',
      });
    });

    it('stops after the event in hand while a failed run is handled one by one', async () => {
      const events = Array.from({ length: 5 }, (_, i) => contactEvent(`stopping-${i}`));
      await publish(...events);
      const handled: string[] = [];
      let stopping: Promise<void> | undefined;

      await startBatchRunner(
        'batch-stop',
        async (event) => {
          handled.push(event.id);
          stopping ??= runner?.stop();
        },
        async () => {
          throw new Error('audit store refused the insertMany');
        },
      );
      await waitFor(async () => stopping !== undefined, { what: 'stop requested' });
      await stopping;

      expect(handled).toEqual([events[0]?.id]);
    });

    it('refuses batch handlers unless the handlers dedupe by themselves', () => {
      const batchHandlers = { [CREATED]: async () => undefined };

      const build = () =>
        new ConsumerRunner({
          kafka: env.kafka,
          db: env.db,
          groupId: 'batch-marks',
          topics: [TOPICS.contact],
          topicPrefix: env.prefix,
          handlers: { [CREATED]: async () => undefined },
          batchHandlers,
          producer: env.producer,
          logger: env.logger,
        });

      expect(build).toThrow('batchHandlers need dedupe: handler');
    });
  });
});
