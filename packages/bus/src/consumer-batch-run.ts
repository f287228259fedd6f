// Which consecutive messages of a fetched batch go to one batch handler together
// (ConsumerRunnerOptions.batchHandlers).
import type { KafkaMessage } from 'kafkajs';
import { eventTypeOf, fromKafkaMessage, type EventEnvelope } from '@kith/events';

/** Takes a run of consecutive events of one partition at once; must be idempotent. */
export type BatchEventHandler = (events: EventEnvelope[]) => Promise<void>;

export interface BatchRun {
  handler: BatchEventHandler;
  events: EventEnvelope[];
  first: KafkaMessage;
  last: KafkaMessage;
}

/** Longest run given to a batch handler. */
export const MAX_BATCH_RUN = 500;

/**
 * The decodable messages from `start` on whose types share one batch handler, if there are
 * at least two (one message goes the single way, with its own retries). An undecodable
 * message or a type of another handler ends the run, so order within the partition is kept.
 */
export function batchRunAt(
  messages: readonly KafkaMessage[],
  start: number,
  handlers: Readonly<Record<string, BatchEventHandler>>,
): BatchRun | undefined {
  let handler: BatchEventHandler | undefined;
  const events: EventEnvelope[] = [];
  for (let i = start; i < messages.length && events.length < MAX_BATCH_RUN; i += 1) {
    const message = messages[i] as KafkaMessage;
    // The type from its header first: a message no batch handler takes is not decoded here.
    const type = eventTypeOf(message);
    const next = type === undefined ? undefined : handlers[type];
    if (!next || (handler && next !== handler)) break;
    let event: EventEnvelope;
    try {
      event = fromKafkaMessage(message);
    } catch {
      break;
    }
    handler = next;
    events.push(event);
  }
  if (!handler || events.length < 2) return undefined;
  return {
    handler,
    events,
    first: messages[start] as KafkaMessage,
    last: messages[start + events.length - 1] as KafkaMessage,
  };
}
