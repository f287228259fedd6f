// Kafka for a service: the client, its topics created if missing, the idempotent producer.
import { createKafka, ensureTopics, EventProducer } from '@kith/bus';
import type { Logger } from '@kith/logger';
import type { StopSequence } from './stop-sequence';

export type Kafka = ReturnType<typeof createKafka>;

export interface EventBus {
  kafka: Kafka;
  producer: EventProducer;
  topicPrefix: string;
}

export interface ConnectEventBusOptions {
  /** Kafka client id, e.g. 'kith-contact'. */
  clientId: string;
  brokers: string[];
  /** Logical topics the service writes or reads; created when missing. */
  topics: string[];
  topicPrefix: string;
  logger: Logger;
}

export async function connectEventBus(
  opts: ConnectEventBusOptions,
  stops: StopSequence,
): Promise<EventBus> {
  const kafka = createKafka({
    brokers: opts.brokers,
    clientId: opts.clientId,
    logger: opts.logger,
  });
  await ensureTopics(kafka, opts.topics, { prefix: opts.topicPrefix });
  const producer = new EventProducer(kafka, { topicPrefix: opts.topicPrefix });
  await producer.connect();
  stops.add('producer', () => producer.disconnect());
  return { kafka, producer, topicPrefix: opts.topicPrefix };
}
