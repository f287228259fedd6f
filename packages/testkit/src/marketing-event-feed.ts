// The marketing service's side of kith.marketing.v1, played by a test: a service that consumes
// its message events (the interaction service's timeline) is tested against events published
// here to real Kafka, checked against the catalogue first and keyed by the contact, as the
// marketing service keys them.
import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, MARKETING_SOURCE, TOPICS, type MessageRequestedData } from '@kith/events';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { prepareEvent, type PreparedEvent } from './contact-event-feed';

export class MarketingEventFeed {
  private readonly producer: Producer;

  constructor(
    brokers: string[],
    private readonly topicPrefix = '',
  ) {
    const kafka = new Kafka({
      clientId: 'kith-testkit-marketing',
      brokers,
      logLevel: logLevel.NOTHING,
    });
    this.producer = kafka.producer({ idempotent: true });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }

  /** kith.marketing.message.requested.v1 of one message to the contact (its id new unless given). */
  prepareMessage(
    tenantId: string,
    message: Partial<MessageRequestedData> & { contactId: string; requestedAt: string },
  ): { messageId: string; event: PreparedEvent } {
    const data: MessageRequestedData = {
      messageId: randomUUID(),
      tenantId,
      campaignId: 'campaign-1',
      channel: 'email',
      to: 'someone@example.org',
      from: 'news@example.org',
      subject: 'News',
      body: 'Hello',
      ...message,
    };
    const event = prepareEvent({
      type: EVENT_TYPES.messageRequested,
      source: MARKETING_SOURCE,
      tenantId,
      key: data.contactId,
      data,
    });
    return { messageId: data.messageId, event };
  }

  async publish(prepared: PreparedEvent): Promise<void> {
    await this.producer.send({
      topic: `${this.topicPrefix}${TOPICS.marketing}`,
      acks: -1,
      messages: [prepared.message],
    });
  }
}
