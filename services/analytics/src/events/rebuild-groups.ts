// The Kafka side of rebuilds: a ConsumerRunner (@kith/bus: retries, dead letters) per rebuild,
// in a group of its own that starts at the earliest offset of kith.transaction.v1, and the
// admin reads the supervisor compares with the targets (topic ends, the group's committed
// offsets). Group ids and topics carry the deployment's prefix, as every consumer's do.
import { ConsumerRunner, type EventProducer } from '@kith/bus';
import { TOPICS } from '@kith/events';
import type { Logger } from '@kith/logger';
import type { Kafka } from '@kith/service-kit';
import type { Db } from 'mongodb';
import type { GiftProjection } from '../app/gift-projection.service';
import type { RebuildGroups } from '../app/rebuild-supervisor';
import { rebuildGroupId, type PartitionTarget } from '../domain/rebuild';
import { rebuildDonationHandlers } from './donation-facts.consumer';

export interface RebuildGroupsDeps {
  kafka: Kafka;
  db: Db;
  producer: EventProducer;
  topicPrefix: string;
  logger: Logger;
  gifts: Pick<GiftProjection, 'applyTo'>;
}

export function kafkaRebuildGroups(deps: RebuildGroupsDeps): RebuildGroups & {
  topicEnds(): Promise<PartitionTarget[]>;
} {
  const topic = `${deps.topicPrefix}${TOPICS.transaction}`;
  const withAdmin = async <T>(work: (admin: ReturnType<Kafka['admin']>) => Promise<T>) => {
    const admin = deps.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  };
  return {
    async run(rebuild) {
      const runner = new ConsumerRunner({
        kafka: deps.kafka,
        db: deps.db,
        producer: deps.producer,
        topicPrefix: deps.topicPrefix,
        logger: deps.logger,
        groupId: rebuildGroupId(rebuild.id),
        topics: [TOPICS.transaction],
        fromBeginning: true,
        dedupe: 'handler',
        handlers: rebuildDonationHandlers(deps.gifts, {
          tenantId: rebuild.tenantId,
          readModel: rebuild.toReadModel,
        }),
      });
      await runner.start();
      return runner;
    },
    committed: (groupId) =>
      withAdmin(async (admin) => {
        const [offsets] = await admin.fetchOffsets({
          groupId: `${deps.topicPrefix}${groupId}`,
          topics: [topic],
        });
        return new Map((offsets?.partitions ?? []).map((p) => [p.partition, p.offset]));
      }),
    remove: (groupId) =>
      withAdmin(async (admin) => {
        await admin.deleteGroups([`${deps.topicPrefix}${groupId}`]).catch((err: unknown) => {
          deps.logger.warn({ err, groupId }, 'could not delete a finished rebuild group');
        });
      }),
    topicEnds: () =>
      withAdmin(async (admin) =>
        (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({
          partition,
          low,
          high,
        })),
      ),
  };
}
