// Topic names live here so producers, consumers and docs agree. One topic per owning service.
export const TOPICS = {
  contact: 'kith.contact.v1',
  interaction: 'kith.interaction.v1',
  transaction: 'kith.transaction.v1',
  analytics: 'kith.analytics.v1',
  marketing: 'kith.marketing.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Dead-letter topic of one consumer group, so each group replays only its own failures. */
export function dlqTopic(topic: string, group: string): string {
  return `${topic}.dlq.${group}`;
}
