// Consumers declared as data: a service says which group handles which events how; the kit
// supplies Kafka, the processed-marks database, the dead-letter producer and the logger.
import { ConsumerRunner, type ConsumerRunnerOptions } from '@kith/bus';
import type { Logger } from '@kith/logger';
import type { mongo } from 'mongoose';
import type { EventBus } from './event-bus';
import type { StopSequence } from './stop-sequence';

export type ConsumerDeclaration = Omit<
  ConsumerRunnerOptions,
  'kafka' | 'db' | 'producer' | 'logger' | 'topicPrefix'
>;

/** A consumer built elsewhere (e.g. with dependencies of its own for tests). */
export interface StartableConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startConsumers(
  consumers: Array<ConsumerDeclaration | StartableConsumer>,
  infra: { bus: EventBus; db: mongo.Db; logger: Logger },
  stops: StopSequence,
): Promise<void> {
  for (const consumer of consumers) {
    const runner =
      'start' in consumer
        ? consumer
        : new ConsumerRunner({
            ...consumer,
            kafka: infra.bus.kafka,
            db: infra.db,
            producer: infra.bus.producer,
            topicPrefix: infra.bus.topicPrefix,
            logger: infra.logger,
          });
    await runner.start();
    stops.add(`consumer ${'groupId' in consumer ? consumer.groupId : ''}`.trim(), () =>
      runner.stop(),
    );
  }
}
