// Reads a topic from the beginning until `count` messages arrived or time runs out,
// under a throwaway consumer group, and returns them with string headers.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface ReadMessage {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

export async function readTopic(opts: {
  brokers: string[];
  topic: string;
  count: number;
  timeoutMs?: number;
  /** Read on past `count` until this holds (for a topic other tests of the file write too). */
  until?: (messages: ReadMessage[]) => boolean;
}): Promise<ReadMessage[]> {
  const kafka = new Kafka({
    clientId: 'kith-testkit',
    brokers: opts.brokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `testkit-${randomBytes(4).toString('hex')}` });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length}/${opts.count} messages of ${opts.topic}`)),
        opts.timeoutMs ?? 30000,
      );
      consumer
        .run({
          eachMessage: async ({ message, partition }) => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(message.headers ?? {})) {
              if (value !== undefined)
                headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
            }
            messages.push({
              key: message.key?.toString() ?? null,
              value: message.value,
              headers,
              partition,
              offset: message.offset,
            });
            if (messages.length >= opts.count && (opts.until?.(messages) ?? true)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
