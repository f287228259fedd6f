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

  private async send(messages: Array<Message & { topic: string }>): Promise<void> {
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
