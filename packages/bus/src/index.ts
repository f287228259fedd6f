export { createKafka, ensureTopics } from './kafka';
export type { CreateKafkaOptions, EnsureTopicsOptions } from './kafka';
export { EventProducer, MAX_REQUEST_BYTES, chunkByBytes } from './event-producer';
export type { PublishItem, RawMessage } from './event-producer';
export {
  DEFAULT_OUTBOX_COLLECTION,
  OUTBOX_LOG_SIZE,
  Outbox,
  OutboxVersionClaimedError,
  createsCollectionName,
  intentId,
  isCreatesIntentId,
} from './outbox';
export type {
  OutboxCreatesIntent,
  OutboxEntry,
  OutboxIntent,
  OutboxItem,
  OutboxLogRecord,
  StagedCreates,
  StagedWrite,
} from './outbox';
export { planCreatesIntents, resolveCreatesIntent } from './outbox-creates';
export type { CreatedEventRebuilder, CreatesResolution, LoggedCreate } from './outbox-creates';
export { OutboxRelay } from './outbox-relay';
export type { OutboxRelayOptions } from './outbox-relay';
export { planRelayStep, resolveStagedIntent } from './outbox-relay-plan';
export type { IntentDecision, RelayPlanRules } from './outbox-relay-plan';
export { ConsumerRunner, PROCESSED_EVENTS_COLLECTION } from './consumer-runner';
export { MAX_BATCH_RUN, batchRunAt } from './consumer-batch-run';
export type { BatchEventHandler, BatchRun } from './consumer-batch-run';
export type {
  ConsumerRunnerOptions,
  EventHandler,
  HandlerContext,
  ProcessedEvent,
} from './consumer-runner';
export {
  DEFAULT_PROCESSED_EVENTS_RETENTION_MS,
  DEFAULT_PRUNE_INTERVAL_MS,
  ProcessedEventsPruner,
} from './processed-events-pruner';
export type { ProcessedEventsPrunerOptions } from './processed-events-pruner';
export { DLQ_HEADERS, deadLetterMessage } from './dead-letter';
export { DEFAULT_RETRY, backoffDelayMs, retryWhen } from './retry-backoff.util';
export type { RetryOptions, RetryWhenOptions } from './retry-backoff.util';
export {
  VERSION_CONFLICT_CODE,
  VERSION_CONFLICT_RETRY,
  isVersionConflict,
  retryOnVersionConflict,
} from './version-conflict-retry';
export { isDuplicateKeyError, isTransientStoreError, retryTransient } from './store-retry.util';
export { InsertBatcher, InsertError, writeErrorsOf } from './insert-batcher';
export { KeyedLanes } from './keyed-lanes';
export type { InsertManyTarget } from './insert-batcher';
export { insertManyThroughOutbox, writeThroughOutbox } from './outbox-write';
export type { OutboxCreate, OutboxWriteTarget } from './outbox-write';
export { outboxItems } from './outbox-items';
export type { OutboxEvent } from './outbox-items';
