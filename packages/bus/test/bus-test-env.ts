// Shared arrangement for the bus integration tests: a unique topic prefix and database per
// test file, real Kafka and FerretDB from the testkit's global setup.
import { MongoClient } from 'mongodb';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { TOPICS, newEvent } from '@kith/events';
import type { EventEnvelope } from '@kith/events';
import { createLogger } from '@kith/logger';
import type { Logger } from '@kith/logger';
import { testDbName, testInfra, uniquePrefix } from '@kith/testkit';
import { EventProducer, createKafka, ensureTopics } from '../src';

export const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

export interface BusTestEnv {
  prefix: string;
  topic: string;
  brokers: string[];
  kafka: Kafka;
  db: Db;
  logger: Logger;
  producer: EventProducer;
  close(): Promise<void>;
}

export async function openBusTestEnv(label: string): Promise<BusTestEnv> {
  const { kafkaBrokers, mongoUrl } = testInfra();
  const prefix = uniquePrefix(label);
  const logger = createLogger({
    service: `bus-test-${label}`,
    // Failure paths are exercised on purpose; LOG_LEVEL=warn shows what they log.
    level: process.env.LOG_LEVEL ?? 'silent',
  });
  const kafka = createKafka({ brokers: kafkaBrokers, clientId: `bus-test-${label}`, logger });
  await ensureTopics(kafka, [TOPICS.contact], { prefix });
  const client = await MongoClient.connect(mongoUrl);
  const db = client.db(testDbName(label));
  const producer = new EventProducer(kafka, { topicPrefix: prefix });
  await producer.connect();
  return {
    prefix,
    topic: `${prefix}${TOPICS.contact}`,
    brokers: kafkaBrokers,
    kafka,
    db,
    logger,
    producer,
    async close() {
      await producer.disconnect();
      await db.dropDatabase();
      await client.close();
    },
  };
}

export function contactEvent(contactId: string, type = 'kith.contact.created.v1'): EventEnvelope {
  return newEvent({
    type,
    source: 'kith/contact',
    subject: contactId,
    tenantId: 'tenant-a',
    time: new Date().toISOString(),
    traceparent: TRACEPARENT,
    data: { contact: { id: contactId, displayName: `Contact ${contactId}` } },
  });
}

/** Messages in a topic, from its high watermarks: exact, unlike "read until quiet". */
export async function messageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}
