// Jest global setup for the integration and end-to-end tiers: starts (or reuses) the
// real servers once and hands their addresses to the test workers through the
// environment, which the workers inherit.
import { MongoClient } from 'mongodb';
import { startInfra, type RunningInfra } from './infra';
import { mongoBackend } from './mongo-backend';

declare global {
  var kithInfra: RunningInfra | undefined;
}

export default async function globalSetup(): Promise<void> {
  const infra = await startInfra();
  globalThis.kithInfra = infra;
  process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.MONGO_URL = infra.mongoUrl;
  process.env.MONGO_SECONDARY_INDEXES = infra.mongoSecondaryIndexes;
  if (infra.mail) {
    process.env.MARKETING_SMTP_URL ??= infra.mail.smtpUrl;
    process.env.MAILPIT_URL ??= infra.mail.apiUrl;
  }
  const client = await new MongoClient(infra.mongoUrl).connect();
  try {
    process.env.KITH_TEST_MONGO_BACKEND = await mongoBackend(client);
  } finally {
    await client.close();
  }
  process.stderr.write(
    `\n[testkit] ${infra.kind} servers: Kafka ${process.env.KAFKA_BROKERS}, MongoDB-wire ${infra.mongoUrl} (${process.env.KITH_TEST_MONGO_BACKEND})\n`,
  );
}
