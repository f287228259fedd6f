// ProcessedEventsPruner against the real FerretDB of the test global setup: marks older than
// the retention go, recent ones stay, and the timer runs passes until it is stopped.
import { MongoClient, type Collection, type Db } from 'mongodb';
import { createLogger } from '@kith/logger';
import { testDbName, testInfra, waitFor } from '@kith/testkit';
import { PROCESSED_EVENTS_COLLECTION, ProcessedEventsPruner } from '../src';
import type { ProcessedEvent } from '../src';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-15T12:00:00.000Z');
const logger = createLogger({ service: 'bus-test-pruner', level: 'silent' });

let client: MongoClient;
let db: Db;
let marks: Collection<ProcessedEvent>;

beforeAll(async () => {
  client = await MongoClient.connect(testInfra().mongoUrl);
  db = client.db(testDbName('pruner'));
  marks = db.collection<ProcessedEvent>(PROCESSED_EVENTS_COLLECTION);
});

afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

beforeEach(async () => {
  await marks.deleteMany({});
});

function mark(groupId: string, eventId: string, daysAgo: number): ProcessedEvent {
  return {
    _id: `${groupId}:${eventId}`,
    groupId,
    eventId,
    type: 'kith.contact.created.v1',
    processedAt: new Date(NOW.getTime() - daysAgo * DAY_MS),
  };
}

async function remainingIds(): Promise<string[]> {
  return (await marks.find({}, { projection: { _id: 1 } }).toArray()).map((m) => m._id).sort();
}

test('deletes the marks of every group older than the retention and keeps the recent ones', async () => {
  await marks.insertMany([
    mark('audit', 'e-old', 30),
    mark('merged', 'e-old', 14.01),
    mark('merged', 'e-edge', 13.99),
    mark('audit', 'e-new', 0),
  ]);
  const pruner = new ProcessedEventsPruner({
    db,
    logger,
    retentionMs: 14 * DAY_MS,
    now: () => NOW,
  });

  const pruned = await pruner.pruneOnce();

  expect(pruned).toBe(2);
  expect(await remainingIds()).toEqual(['audit:e-new', 'merged:e-edge']);
});

test('prunes another collection by its own time field, leaving the marks alone', async () => {
  const keys = db.collection<{ _id: string; createdAt: Date }>('create_keys');
  await keys.insertMany([
    { _id: 'old', createdAt: new Date(NOW.getTime() - 2 * DAY_MS) },
    { _id: 'new', createdAt: new Date(NOW.getTime() - DAY_MS / 2) },
  ]);
  await marks.insertMany([mark('audit', 'e-old', 30)]);
  const pruner = new ProcessedEventsPruner({
    db,
    logger,
    collection: 'create_keys',
    timeField: 'createdAt',
    retentionMs: DAY_MS,
    now: () => NOW,
  });

  const pruned = await pruner.pruneOnce();

  expect(pruned).toBe(1);
  expect((await keys.find({}).toArray()).map((k) => k._id)).toEqual(['new']);
  expect(await remainingIds()).toEqual(['audit:e-old']);
});

test('prunes on its timer from start, and runs no pass after stop', async () => {
  const pruner = new ProcessedEventsPruner({
    db,
    logger,
    retentionMs: 14 * DAY_MS,
    intervalMs: 50,
    now: () => NOW,
  });
  await marks.insertMany([mark('audit', 'e-1', 20), mark('audit', 'e-keep', 1)]);

  pruner.start();
  await waitFor(async () => (await remainingIds()).length === 1, { what: 'the first pass' });
  await marks.insertOne(mark('audit', 'e-2', 20));
  await waitFor(async () => (await remainingIds()).length === 1, { what: 'a later pass' });
  await pruner.stop();
  await marks.insertOne(mark('audit', 'e-3', 20));
  await new Promise((resolve) => setTimeout(resolve, 300));

  expect(await remainingIds()).toEqual(['audit:e-3', 'audit:e-keep']);
});

test('refuses a retention that would delete every mark', () => {
  expect(() => new ProcessedEventsPruner({ db, logger, retentionMs: 0 })).toThrow(RangeError);
});
