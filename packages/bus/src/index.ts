export { createKafka, ensureTopics } from './kafka';
export type { CreateKafkaOptions, EnsureTopicsOptions } from './kafka';
export { EventProducer } from './event-producer';
export type { PublishItem, RawMessage } from './event-producer';
export {
  DEFAULT_OUTBOX_COLLECTION,
  OUTBOX_LOG_SIZE,
  Outbox,
  OutboxVersionClaimedError,
  intentId,
} from './outbox';
export type { OutboxEntry, OutboxIntent, OutboxItem, OutboxLogRecord, StagedWrite } from './outbox';
export { OutboxRelay, planRelayStep, resolveStagedIntent } from './outbox-relay';
export type { IntentDecision, OutboxRelayOptions } from './outbox-relay';
export { ConsumerRunner, PROCESSED_EVENTS_COLLECTION } from './consumer-runner';
export type {
  ConsumerRunnerOptions,
  EventHandler,
  HandlerContext,
  ProcessedEvent,
} from './consumer-runner';
export { DLQ_HEADERS, deadLetterMessage } from './dead-letter';
export { DEFAULT_RETRY, backoffDelayMs } from './retry-backoff.util';
export type { RetryOptions } from './retry-backoff.util';
export { isDuplicateKeyError, isTransientStoreError, retryTransient } from './store-retry.util';
export { InsertBatcher, InsertError } from './insert-batcher';
export type { InsertManyTarget } from './insert-batcher';
export { writeThroughOutbox } from './outbox-write';
export type { OutboxWriteTarget } from './outbox-write';
