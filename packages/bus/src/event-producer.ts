// The only way Kith writes to Kafka: an idempotent producer (no duplicates or reordering from
// its own retries) that waits for all in-sync replicas.
import { CompressionTypes, Partitioners } from 'kafkajs';
import type { Kafka, Message, Producer, TopicMessages } from 'kafkajs';
import { toKafkaMessage } from '@kith/events';
import type { EventEnvelope } from '@kith/events';

export interface PublishItem {
  /** Logical topic, e.g. TOPICS.contact; the producer adds the prefix. */
  topic: string;
  key: string;
  event: EventEnvelope;
}

export interface RawMessage {
  topic: string;
  key: Buffer | string | null;
  value: Buffer | null;
  headers: Record<string, Buffer | string>;
}

export class EventProducer {
  private readonly producer: Producer;
  private readonly topicPrefix: string;

  constructor(kafka: Kafka, opts: { topicPrefix?: string } = {}) {
    this.topicPrefix = opts.topicPrefix ?? '';
    this.producer = kafka.producer({
      idempotent: true,
      // Idempotence in kafkajs 2.x is only safe with one request in flight.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Java-compatible murmur2, so keys land on the same partition from any client.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  /** Publishes in array order per topic; the event's own traceparent goes into the headers. */
  async publish(items: PublishItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.send(
      items.map((item) => ({ topic: item.topic, ...toKafkaMessage(item.event, item.key) })),
    );
  }

  /**
   * Sends messages as they are (topic still gets the prefix). For the dead-letter path, where
   * the original bytes must be kept even when they are not a valid event.
   */
  async sendRaw(messages: RawMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.send(messages);
  }

  /** Sends in requests of at most `MAX_REQUEST_BYTES`, one after the other, so order holds. */
  private async send(messages: Array<Message & { topic: string }>): Promise<void> {
    for (const chunk of chunkByBytes(messages, MAX_REQUEST_BYTES)) await this.sendChunk(chunk);
  }

  private async sendChunk(messages: Array<Message & { topic: string }>): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { topic, ...message } of messages) {
      const name = `${this.topicPrefix}${topic}`;
      const list = byTopic.get(name) ?? [];
      list.push(message);
      byTopic.set(name, list);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, list]) => ({
      topic,
      messages: list,
    }));
    await this.producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
  }
}

/**
 * A produce request's record batch per partition must stay under the broker's
 * `message.max.bytes` (1 MiB by default): a bulk import commits 2000 events at once, about
 * 3 MB. Half of that per request leaves room for the record overhead.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

function approximateBytes(message: Message): number {
  let bytes = byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    bytes += name.length + byteLength(value as Buffer | string | undefined);
  }
  return bytes;
}

function byteLength(value: Buffer | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

/** Consecutive runs of messages of at most `maxBytes` each (a bigger message goes alone). */
export function chunkByBytes<M extends Message>(messages: readonly M[], maxBytes: number): M[][] {
  const chunks: M[][] = [];
  let current: M[] = [];
  let size = 0;
  for (const message of messages) {
    const bytes = approximateBytes(message);
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
