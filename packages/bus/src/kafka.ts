// One Kafka client per process, logging through pino so broker trouble shows up in the same
// JSON stream (with trace ids) as everything else.
import { Kafka, logLevel } from 'kafkajs';
import type { LogEntry, logCreator } from 'kafkajs';
import type { Logger } from '@kith/logger';
import { retryWhen, type RetryWhenOptions } from './retry-backoff.util';

export interface CreateKafkaOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

export function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const child = { kafka: namespace, ...fields };
      // kafkajs logs every error response of a connection (e.g. "the coordinator is loading"
      // while a broker starts) before its own retry handles it; what retries cannot fix
      // reaches the caller as a thrown error, logged there. So those are warnings here.
      if (level === logLevel.ERROR && namespace === 'Connection') logger.warn(child, message);
      else if (level === logLevel.ERROR) logger.error(child, message);
      else if (level === logLevel.WARN) logger.warn(child, message);
      else if (level === logLevel.INFO) logger.info(child, message);
      else logger.debug(child, message);
    };
}

export function createKafka(opts: CreateKafkaOptions): Kafka {
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    // kafkajs is chatty at INFO (every group join); warnings and errors are what operators need.
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(opts.logger.child({ component: 'kafkajs' })),
  });
}

export interface EnsureTopicsOptions {
  prefix?: string;
  /** Only used for topics that do not exist yet. */
  numPartitions?: number;
}

/**
 * A broker asked for a topic just created answers UNKNOWN_TOPIC_OR_PARTITION ("This server does
 * not host this topic-partition") until the controller's metadata reaches it: on a freshly
 * started or busy KRaft broker, for up to a few seconds. kafkajs' waitForLeaders retries only
 * LEADER_NOT_AVAILABLE, so the first services started against a new broker failed; both errors
 * are marked retriable by kafkajs. 8 attempts wait at most about 6 s.
 */
const TOPIC_READY_RETRY: RetryWhenOptions = { attempts: 8, initialDelayMs: 100, maxDelayMs: 2000 };

function isRetriableKafkaError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { retriable?: unknown }).retriable === true
  );
}

/** Creates the topics that are missing; safe to call at every start and from several processes. */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  opts: EnsureTopicsOptions = {},
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics.map((t) => `${opts.prefix ?? ''}${t}`))];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    // createTopics skips topics that already exist, which covers a concurrent creator and a
    // retry after a topic was created but not yet seen; fetchTopicMetadata then waits for it.
    await retryWhen(
      async () => {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: opts.numPartitions ?? 3 })),
        });
        await admin.fetchTopicMetadata({ topics: missing });
      },
      isRetriableKafkaError,
      TOPIC_READY_RETRY,
    );
  } finally {
    await admin.disconnect();
  }
}
