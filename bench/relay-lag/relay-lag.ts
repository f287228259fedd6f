// bench/relay-lag: how long an event takes from the end of its write (the outbox commit)
// until a Kafka consumer can read it, with 100k documents in the aggregate collection, versus
// plain kafkajs produce -> consume of the same messages in the same run (the raw ceiling).
//
// It starts no servers: it expects a running stack and reads KAFKA_BROKERS / MONGO_URL, e.g.
//   set -a; eval "$(KITH_INFRA_PROFILE=test bash deploy/local/start.sh)"; set +a
//   corepack pnpm --filter @kith/bench run relay-lag
// BENCH_DOCS (100000), BENCH_EVENTS (1000 creates), BENCH_RATE (creates/s, 50) and
// BENCH_UPDATES (20 updates of existing contacts, one after another) change the load.
// Writer, relay and consumer share one process (one clock); the raw run shares it equally.
// The relay never reads the aggregate collection on its hot path, so its lag should not grow
// with BENCH_DOCS; an update's own write does (FerretDB 1.x scans the table, see
// docs/architecture.md), which is why it is reported apart.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import type { Db } from 'mongodb';
import type { Consumer, Kafka } from 'kafkajs';
import {
  EventProducer,
  Outbox,
  OutboxRelay,
  createKafka,
  ensureTopics,
  retryTransient,
} from '@kith/bus';
import type { OutboxLogRecord } from '@kith/bus';
import { TOPICS, newEvent } from '@kith/events';
import { createLogger } from '@kith/logger';
import { percentile } from '../lib/load';

const docs = Number(process.env.BENCH_DOCS ?? 100_000);
const events = Number(process.env.BENCH_EVENTS ?? 1000);
const rate = Number(process.env.BENCH_RATE ?? 50);
const updates = Number(process.env.BENCH_UPDATES ?? 20);
const COLLECTION = 'contacts';
const logger = createLogger({ service: 'bench-relay-lag', level: process.env.LOG_LEVEL ?? 'warn' });

interface ContactDoc {
  _id: string;
  _outboxLog: OutboxLogRecord[];
  tenantId: string;
  version: number;
  displayName: string;
}

function contactEvent(id: string, version: number) {
  const now = new Date().toISOString();
  const contact = {
    id,
    tenantId: 'bench',
    kind: 'person',
    version,
    displayName: `Jane Smith ${id.slice(0, 8)}`,
    person: { firstName: 'Jane', lastName: 'Smith' },
    emails: [{ address: `jane.${id.slice(0, 8)}@example.org`, type: 'home', primary: true }],
    phones: [{ number: '+1 555 0100', type: 'mobile', primary: true }],
    tags: ['donor', 'newsletter'],
    createdAt: now,
    updatedAt: now,
  };
  return newEvent({
    type: version === 1 ? 'kith.contact.created.v1' : 'kith.contact.updated.v1',
    source: 'kith/contact',
    subject: id,
    tenantId: 'bench',
    time: now,
    traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
    data: version === 1 ? { contact } : { contact, changedFields: ['displayName'] },
  });
}

/** 100k contacts whose creation event is already published (the steady state). */
async function fill(db: Db): Promise<string[]> {
  const ids: string[] = [];
  const contacts = db.collection<ContactDoc>(COLLECTION);
  for (let done = 0; done < docs; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, docs - done) }, () => {
      const id = randomUUID();
      ids.push(id);
      const event = contactEvent(id, 1);
      return {
        _id: id,
        tenantId: 'bench',
        version: 1,
        displayName: (event.data.contact as { displayName: string }).displayName,
        _outboxLog: [{ version: 1, eventIds: [event.id] }],
      };
    });
    await contacts.insertMany(batch, { ordered: false });
  }
  return ids;
}

/** A consumer that records when each message (by ce_id) became readable. */
async function startReader(kafka: Kafka, topic: string, seen: Map<string, number>) {
  const consumer: Consumer = kafka.consumer({ groupId: `${topic}.reader`, maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
  );
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.ce_id?.toString();
      if (id && !seen.has(id)) seen.set(id, performance.now());
    },
  });
  await joined;
  return consumer;
}

/**
 * Calls `op(i)` at a steady rate without waiting for earlier calls (an open loop). Returns
 * how many calls failed; a failed write has no event to wait for.
 */
async function atSteadyRate(count: number, op: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    running.push(op(i));
  }
  const results = await Promise.allSettled(running);
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed[0]) console.error(`${failed.length} writes failed; first:`, failed[0].reason);
  return failed.length;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function lags(sent: Map<string, number>, seen: Map<string, number>): number[] {
  const out = [...sent].map(([id, t0]) => (seen.get(id) ?? NaN) - t0);
  return out.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
}

function summary(label: string, sorted: number[]) {
  const row = {
    label,
    n: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
  };
  const f = (v: number) => v.toFixed(1).padStart(8);
  console.log(
    `${label.padEnd(28)} n=${row.n}  p50 ${f(row.p50Ms)} ms  p95 ${f(row.p95Ms)} ms  p99 ${f(row.p99Ms)} ms`,
  );
  return row;
}

async function main(): Promise<void> {
  const brokers = process.env.KAFKA_BROKERS?.split(',');
  const mongoUrl = process.env.MONGO_URL;
  if (!brokers || !mongoUrl) {
    throw new Error('set KAFKA_BROKERS and MONGO_URL (see the header of this file)');
  }
  const prefix = `bench-relay-${randomBytes(3).toString('hex')}.`;
  const kafka = createKafka({ brokers, clientId: 'bench-relay-lag', logger });
  const rawTopic = `${prefix}raw`;
  await ensureTopics(kafka, [TOPICS.contact, 'raw'], { prefix });
  const client = await MongoClient.connect(mongoUrl);
  const db = client.db(`bench_relay_lag_${randomBytes(3).toString('hex')}`);
  const producer = new EventProducer(kafka, { topicPrefix: prefix });
  await producer.connect();
  try {
    const t = performance.now();
    const ids = await fill(db);
    console.log(`filled ${docs} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Raw ceiling: the same producer settings and message shape, no database in the path.
    const rawSent = new Map<string, number>();
    const rawSeen = new Map<string, number>();
    const rawReader = await startReader(kafka, rawTopic, rawSeen);
    const rawFailed = await atSteadyRate(events, async (i) => {
      const event = contactEvent(ids[i] ?? randomUUID(), 2);
      rawSent.set(event.id, performance.now());
      await producer.publish([{ topic: 'raw', key: event.subject, event }]);
    });
    await until(() => rawSeen.size >= events - rawFailed, 60_000, 'raw messages');
    await rawReader.disconnect();

    const outbox = new Outbox(db);
    const relay = new OutboxRelay({ db, producer, outbox, logger });
    const contacts = db.collection<ContactDoc>(COLLECTION);
    const sent = new Map<string, number>();
    const seen = new Map<string, number>();
    const reader = await startReader(kafka, `${prefix}${TOPICS.contact}`, seen);
    const createMs: number[] = [];
    const updateMs: number[] = [];
    const updateEventIds = new Set<string>();

    /** What the contact repository does: stage, write state + commit record, commit. */
    async function write(id: string, version: number, previous: ContactDoc | null) {
      const event = contactEvent(id, version);
      const items = [{ topic: TOPICS.contact, key: id, event }];
      const staged = await outbox.stage({
        collection: COLLECTION,
        aggregateId: id,
        version,
        items,
      });
      const state = {
        tenantId: 'bench',
        version,
        displayName: `Jane Smith ${version}`,
        _outboxLog: staged.outboxLog(previous?._outboxLog),
      };
      if (previous) {
        await retryTransient(() =>
          contacts.updateOne({ _id: id, version: version - 1 }, { $set: state }),
        );
      } else {
        await retryTransient(() => contacts.insertOne({ _id: id, ...state }));
      }
      await staged.commit();
      sent.set(event.id, performance.now());
      return event.id;
    }

    try {
      await relay.start();
      const failed = await atSteadyRate(events, async () => {
        const started = performance.now();
        await write(randomUUID(), 1, null);
        createMs.push(performance.now() - started);
      });
      const stride = Math.max(1, Math.floor(ids.length / Math.max(1, updates)));
      for (let i = 0; i < updates; i += 1) {
        const started = performance.now();
        const id = ids[(i * stride) % ids.length] as string;
        const current = await contacts.findOne({ _id: id });
        if (!current) throw new Error(`contact ${id} missing`);
        updateEventIds.add(await write(id, current.version + 1, current));
        updateMs.push(performance.now() - started);
      }
      if (failed > 0) console.error(`${failed} creates failed`);
      await until(() => seen.size >= sent.size, 300_000, 'relayed events');
    } finally {
      await relay.stop();
      await reader.disconnect();
    }

    const createLags = lags(new Map([...sent].filter(([id]) => !updateEventIds.has(id))), seen);
    const updateLags = lags(new Map([...sent].filter(([id]) => updateEventIds.has(id))), seen);
    console.log(`\n${docs} documents in the aggregate collection`);
    summary(
      `create write (${rate}/s)`,
      createMs.sort((a, b) => a - b),
    );
    summary(
      'update write (read + update)',
      updateMs.sort((a, b) => a - b),
    );
    const relayed = summary('create: commit -> readable', createLags);
    summary('update: commit -> readable', updateLags);
    const raw = summary('raw produce -> readable', lags(rawSent, rawSeen));
    const ratio = (a: number, b: number) => (a / b).toFixed(1);
    console.log(
      `ratio relay/raw: p50 ${ratio(relayed.p50Ms, raw.p50Ms)}x  p95 ${ratio(relayed.p95Ms, raw.p95Ms)}x  p99 ${ratio(relayed.p99Ms, raw.p99Ms)}x`,
    );
    console.log(JSON.stringify({ bench: 'relay-lag', docs, events, rate, updates, relayed, raw }));
  } finally {
    await producer.disconnect();
    await db.dropDatabase();
    await client.close();
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [rawTopic, `${prefix}${TOPICS.contact}`] })
      .catch(() => undefined);
    await admin.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
