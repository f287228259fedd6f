// Runs event handlers for one consumer group with at-least-once delivery made effectively
// once: a processed-id mark per event (an _id lookup, cheap on FerretDB), retries with
// backoff, then the dead-letter topic, so one poison message never stops its partition.
// Offsets are resolved only after the handler's effect and the mark are stored.
import { SpanKind } from '@opentelemetry/api';
import type { Collection, Db } from 'mongodb';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import {
  EnvelopeError,
  decodeHeaders,
  dlqTopic,
  eventTypeOf,
  fromKafkaMessage,
} from '@kith/events';
import type { EventEnvelope } from '@kith/events';
import type { Logger } from '@kith/logger';
import { extractTraceContext, withSpan } from '@kith/telemetry';
import { batchRunAt, type BatchEventHandler, type BatchRun } from './consumer-batch-run';
import { deadLetterMessage, errorMessage } from './dead-letter';
import type { EventProducer } from './event-producer';
import { ensureTopics } from './kafka';
import { DEFAULT_RETRY, backoffDelayMs } from './retry-backoff.util';
import { isDuplicateKeyError, retryTransient } from './store-retry.util';
import type { RetryOptions } from './retry-backoff.util';

export interface HandlerContext {
  /** Logical topic (without the prefix). */
  topic: string;
  partition: number;
  offset: string;
}

export type EventHandler = (event: EventEnvelope, ctx: HandlerContext) => Promise<void>;

export interface ConsumerRunnerOptions {
  kafka: Kafka;
  db: Db;
  /** Also names the DLQ topic; the Kafka group id gets the topic prefix too. */
  groupId: string;
  /** Logical topics. */
  topics: string[];
  topicPrefix?: string;
  handlers: Record<string, EventHandler>;
  /** Used for the dead-letter topic. */
  producer: EventProducer;
  logger: Logger;
  retry?: RetryOptions;
  /** Where a new group starts; projections want the whole history. Default true. */
  fromBeginning?: boolean;
  /**
   * How redelivered events are recognised. 'processed-ids' (default) keeps a mark per event
   * in `processed_events`. 'handler' skips the marks for handlers that are idempotent by
   * themselves (an insert keyed by the event id, a version check): every mark is one more
   * read and write, and the marks collection only grows.
   */
  dedupe?: 'processed-ids' | 'handler';
  /**
   * For types that also have a single handler: a handler that takes a run of consecutive
   * events of those types at once (one insertMany instead of one insert per event: on
   * FerretDB every write is a transaction of its own). A run that fails is handled again
   * event by event, so retries and the dead-letter topic work as for any event. Only with
   * dedupe 'handler': the batch handler must be idempotent by itself.
   */
  batchHandlers?: Record<string, BatchEventHandler>;
  /**
   * How long a fetch waits for 64 KiB of events before it is answered (default 200 ms, see
   * FETCH_MAX_WAIT_MS). A read model that must show an event soon (a dashboard) may shorten it,
   * paying with more fetches and commits when the topic is quiet.
   */
  fetchMaxWaitMs?: number;
}

export interface ProcessedEvent {
  _id: string;
  groupId: string;
  eventId: string;
  type: string;
  processedAt: Date;
}

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';

/**
 * A fetch waits until 64 KiB of events or 200 ms have gathered. Answered at the first event
 * (kafkajs' minBytes 1), every consumer group fetched and committed a batch of one or two
 * events at a time, and that churn cost more CPU in Kafka, the contact service and the gateway
 * than the writes themselves: POST /v1/contacts went from 118 to 186-208/s on 2 cores
 * (docs/architecture.md, "Consuming"). The price is up to 200 ms more before a quiet topic's
 * event is seen. disconnect() waits for the open long-poll, so this also bounds a stop.
 */
const FETCH_MAX_WAIT_MS = 200;
const FETCH_MIN_BYTES = 64 * 1024;

/** Longest wait between heartbeats while backing off, well under the session timeout. */
const HEARTBEAT_SLICE_MS = 1000;

type Outcome = 'done' | 'stopped';

export class ConsumerRunner {
  private readonly consumer: Consumer;
  private readonly processed: Collection<ProcessedEvent>;
  private readonly retry: Required<RetryOptions>;
  private readonly prefix: string;
  private readonly log: Logger;

  constructor(private readonly opts: ConsumerRunnerOptions) {
    this.prefix = opts.topicPrefix ?? '';
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.processed = opts.db.collection<ProcessedEvent>(PROCESSED_EVENTS_COLLECTION);
    this.consumer = opts.kafka.consumer({
      groupId: `${this.prefix}${opts.groupId}`,
      maxWaitTimeInMs: opts.fetchMaxWaitMs ?? FETCH_MAX_WAIT_MS,
      minBytes: FETCH_MIN_BYTES,
    });
    this.log = opts.logger.child({ component: 'consumer', group: opts.groupId });
    if (opts.batchHandlers && opts.dedupe !== 'handler') {
      throw new Error('batchHandlers need dedupe: handler (they must be idempotent)');
    }
  }

  async start(): Promise<void> {
    const dlqTopics = this.opts.topics.map((t) => dlqTopic(t, this.opts.groupId));
    await ensureTopics(this.opts.kafka, dlqTopics, { prefix: this.prefix });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.opts.topics.map((t) => `${this.prefix}${t}`),
      fromBeginning: this.opts.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /** Leaves the group after the message in hand is finished; a retry wait is cut short. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    try {
      await this.handleBatch(payload);
    } finally {
      // Commit what is resolved now, not at kafkajs' 5 s auto-commit interval: fewer
      // redeliveries after a restart. Only handled (or dead-lettered) messages are resolved.
      const pending = payload.uncommittedOffsets();
      if (pending.topics.length > 0) await payload.commitOffsetsIfNecessary(pending);
    }
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const messages = batch.messages;
    for (let i = 0; i < messages.length;) {
      if (!payload.isRunning() || payload.isStale()) return;
      const run = this.opts.batchHandlers && batchRunAt(messages, i, this.opts.batchHandlers);
      if (run && (await this.handleRun(batch.topic, batch.partition, run))) {
        payload.resolveOffset(run.last.offset);
        await payload.heartbeat();
        i += run.events.length;
        continue;
      }
      // One by one: a single message, or a run whose batch handler failed.
      const end = i + (run?.events.length ?? 1);
      for (; i < end; i += 1) {
        // Checked before every message, as before runs existed: stop() and a rebalance take
        // effect after the message in hand, not after the rest of a failed run.
        if (!payload.isRunning() || payload.isStale()) return;
        const message = messages[i] as KafkaMessage;
        const outcome = await this.handleMessage(batch.topic, batch.partition, message, payload);
        // Stopped mid-retry: leave the offset unresolved so the message is redelivered.
        if (outcome === 'stopped') return;
        payload.resolveOffset(message.offset);
        await payload.heartbeat();
      }
    }
  }

  /** OpenTelemetry messaging attributes every consumer span carries. */
  private spanAttributes(topic: string, partition: number): Record<string, string> {
    return {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': this.opts.groupId,
      'messaging.destination.partition.id': String(partition),
    };
  }

  /** True when the batch handler stored the run's effect. */
  private async handleRun(topic: string, partition: number, run: BatchRun): Promise<boolean> {
    const parent = extractTraceContext(decodeHeaders(run.first.headers));
    return withSpan(
      `${topic.slice(this.prefix.length)} process`,
      {
        kind: SpanKind.CONSUMER,
        parent,
        attributes: {
          ...this.spanAttributes(topic, partition),
          'messaging.batch.message_count': run.events.length,
        },
      },
      async (span) => {
        try {
          await run.handler(run.events);
          return true;
        } catch (err) {
          span.addEvent('batch handler failed', { error: errorMessage(err) });
          this.log.warn({ topic, partition, err }, 'batch handler failed; one event at a time');
          return false;
        }
      },
    );
  }

  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    payload: EachBatchPayload,
  ): Promise<Outcome> {
    const ctx = { topic: topic.slice(this.prefix.length), partition, offset: message.offset };
    // A type this group does not handle is skipped from its header, before the body is
    // parsed: four groups read the contact topic, and an import puts 100k events on it.
    const headerType = eventTypeOf(message);
    if (headerType !== undefined && !this.opts.handlers[headerType]) return 'done';
    let event: EventEnvelope;
    try {
      event = fromKafkaMessage(message);
    } catch (err) {
      if (!(err instanceof EnvelopeError)) throw err;
      this.log.warn({ ...ctx, err }, 'undecodable event; dead-lettering it');
      await this.deadLetter(ctx, topic, message, err, 0);
      return 'done';
    }
    const handler = this.opts.handlers[event.type];
    if (!handler) return 'done';
    const marks = (this.opts.dedupe ?? 'processed-ids') === 'processed-ids';
    const processedId = `${this.opts.groupId}:${event.id}`;
    if (marks && (await this.processed.findOne({ _id: processedId }, { projection: { _id: 1 } }))) {
      return 'done';
    }
    const parent = extractTraceContext(decodeHeaders(message.headers));
    return withSpan(
      `${ctx.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        parent,
        attributes: {
          ...this.spanAttributes(topic, partition),
          'messaging.kafka.offset': Number(message.offset),
          'messaging.message.id': event.id,
          'cloudevents.event_type': event.type,
        },
      },
      async (span) => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            await handler(event, ctx);
            break;
          } catch (err) {
            span.addEvent('handler failed', { attempt, error: errorMessage(err) });
            if (attempt >= this.retry.attempts) {
              this.log.error({ ...ctx, eventId: event.id, err, attempt }, 'dead-lettering event');
              span.setAttribute('kith.dead_lettered', true);
              await this.deadLetter(ctx, topic, message, err, attempt);
              break;
            }
            this.log.warn({ ...ctx, eventId: event.id, err, attempt }, 'handler failed; retrying');
            const waited = await this.backoff(backoffDelayMs(attempt, this.retry), payload);
            if (!waited) return 'stopped';
          }
        }
        if (marks) await this.markProcessed(processedId, event);
        return 'done';
      },
    );
  }

  private async deadLetter(
    ctx: HandlerContext,
    sourceTopic: string,
    message: KafkaMessage,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    await this.opts.producer.sendRaw([
      deadLetterMessage({
        dlqTopic: dlqTopic(ctx.topic, this.opts.groupId),
        sourceTopic,
        partition: ctx.partition,
        groupId: this.opts.groupId,
        message,
        error,
        attempts,
      }),
    ]);
  }

  private async markProcessed(id: string, event: EventEnvelope): Promise<void> {
    try {
      await retryTransient(() =>
        this.processed.insertOne({
          _id: id,
          groupId: this.opts.groupId,
          eventId: event.id,
          type: event.type,
          processedAt: new Date(),
        }),
      );
    } catch (err) {
      // Another member (after a rebalance) got there first: the event is handled either way.
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  /** Sleeps in slices, heartbeating so a long backoff does not cost the group membership. */
  private async backoff(ms: number, payload: EachBatchPayload): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!payload.isRunning()) return false;
      await new Promise((r) => setTimeout(r, Math.min(HEARTBEAT_SLICE_MS, until - Date.now())));
      await payload.heartbeat();
    }
    return payload.isRunning();
  }
}
