// Readiness probe for the local servers: FerretDB must answer `ping` and Kafka must
// acknowledge a produce (acks=-1) to a probe topic. Retries until --timeout-ms.
// Reads KAFKA_BROKERS and MONGO_URL. Borrows kafkajs and mongodb from @kith/testkit's
// dependencies so it runs without a build step.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const requireFromTestkit = createRequire(path.join(here, '../../packages/testkit/package.json'));
const { Kafka, logLevel } = requireFromTestkit('kafkajs');
const { MongoClient } = requireFromTestkit('mongodb');

const timeoutArg = process.argv.indexOf('--timeout-ms');
const timeoutMs = timeoutArg > 0 ? Number(process.argv[timeoutArg + 1]) : 60000;
const deadline = Date.now() + timeoutMs;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function untilReady(name, attempt) {
  let lastError;
  while (Date.now() < deadline) {
    try {
      await attempt();
      return;
    } catch (err) {
      lastError = err;
      await sleep(500);
    }
  }
  throw new Error(`${name} not ready after ${timeoutMs} ms: ${lastError?.message ?? 'no answer'}`);
}

async function pingMongo() {
  const client = new MongoClient(process.env.MONGO_URL, { serverSelectionTimeoutMS: 2000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => {});
  }
}

async function produceToKafka() {
  const kafka = new Kafka({
    clientId: 'kith-probe',
    brokers: process.env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    if (!topics.includes('kith.probe')) {
      await admin.createTopics({
        topics: [{ topic: 'kith.probe', numPartitions: 1 }],
        waitForLeaders: true,
      });
    }
    await producer.connect();
    await producer.send({ topic: 'kith.probe', acks: -1, messages: [{ value: 'ping' }] });
  } finally {
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

try {
  await Promise.all([untilReady('ferretdb', pingMongo), untilReady('kafka', produceToKafka)]);
  process.exit(0);
} catch (err) {
  console.error(`[kith-infra] ${err.message}`);
  process.exit(1);
}
