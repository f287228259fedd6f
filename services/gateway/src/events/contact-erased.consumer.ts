// The gateway's part of an erasure: on kith.contact.erased.v1 it drops every stored
// Idempotency-Key response of the tenant that names the contact (docs/privacy.md). The erase
// route does the same at once, but an erasure can also come over gRPC, from a replica or a
// resumed merge (a merged victim's tombstone is erased with its own event): only the event
// reaches them all.
import { ConsumerRunner, type createKafka, type EventProducer } from '@kith/bus';
import { EVENT_TYPES, TOPICS, parseEventData, type EventEnvelope } from '@kith/events';
import type { Logger } from '@kith/logger';
import type { Db } from 'mongodb';
import type { IdempotencyStore } from '../store/idempotency.repository';

/** Kafka group id (with KITH_TOPIC_PREFIX) and the name of its DLQ topic's suffix. */
export const GATEWAY_CONTACT_ERASED_GROUP = 'gateway-contact-erased';

export function contactErasedConsumer(opts: {
  kafka: ReturnType<typeof createKafka>;
  db: Db;
  producer: EventProducer;
  storedResponses: Pick<IdempotencyStore, 'eraseContact'>;
  topicPrefix: string;
  logger: Logger;
  now?: () => Date;
}): ConsumerRunner {
  const now = opts.now ?? (() => new Date());
  return new ConsumerRunner({
    kafka: opts.kafka,
    db: opts.db,
    groupId: GATEWAY_CONTACT_ERASED_GROUP,
    topics: [TOPICS.contact],
    topicPrefix: opts.topicPrefix,
    handlers: {
      // Validated against the catalogue: a malformed event fails and is dead-lettered.
      [EVENT_TYPES.contactErased]: async (event: EventEnvelope) => {
        const data = parseEventData(EVENT_TYPES.contactErased, event.data);
        const scrubbed = await opts.storedResponses.eraseContact(
          data.tenantId,
          data.contactId,
          now(),
        );
        if (scrubbed > 0) opts.logger.info({ scrubbed }, 'stored responses of an erased contact');
      },
    },
    producer: opts.producer,
    logger: opts.logger,
    // The scrub is idempotent by itself (a second one matches nothing): no processed marks.
    dedupe: 'handler',
  });
}
