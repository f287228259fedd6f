// Jest global setup for the integration and end-to-end tiers: starts (or reuses) the
// real servers once and hands their addresses to the test workers through the
// environment, which the workers inherit.
import { startInfra, type RunningInfra } from './infra';

declare global {
  var kithInfra: RunningInfra | undefined;
}

export default async function globalSetup(): Promise<void> {
  const infra = await startInfra();
  globalThis.kithInfra = infra;
  process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.MONGO_URL = infra.mongoUrl;
  process.stderr.write(
    `\n[testkit] ${infra.kind} servers: Kafka ${process.env.KAFKA_BROKERS}, MongoDB-wire ${infra.mongoUrl}\n`,
  );
}
