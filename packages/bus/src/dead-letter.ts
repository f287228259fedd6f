// What a dead-lettered message looks like: the original key, body and headers untouched (so it
// can be replayed as is) plus why, how often, and where it came from.
import type { KafkaMessage } from 'kafkajs';
import type { RawMessage } from './event-producer';

export const DLQ_HEADERS = {
  error: 'kith_error',
  attempts: 'kith_error_attempts',
  originalTopic: 'kith_original_topic',
  originalPartition: 'kith_original_partition',
  originalOffset: 'kith_original_offset',
  consumerGroup: 'kith_consumer_group',
} as const;

/** Long enough to diagnose, short enough that a huge error cannot bloat the topic. */
const MAX_ERROR_LENGTH = 2000;

export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}...` : text;
}

export function deadLetterMessage(a: {
  dlqTopic: string;
  sourceTopic: string;
  partition: number;
  groupId: string;
  message: KafkaMessage;
  error: unknown;
  attempts: number;
}): RawMessage {
  const headers: Record<string, Buffer | string> = {};
  for (const [name, value] of Object.entries(a.message.headers ?? {})) {
    if (value === undefined) continue;
    // Repeated headers collapse to the last value, which is what fromKafkaMessage reads.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) headers[name] = last;
  }
  headers[DLQ_HEADERS.error] = errorMessage(a.error);
  headers[DLQ_HEADERS.attempts] = String(a.attempts);
  headers[DLQ_HEADERS.originalTopic] = a.sourceTopic;
  headers[DLQ_HEADERS.originalPartition] = String(a.partition);
  headers[DLQ_HEADERS.originalOffset] = a.message.offset;
  headers[DLQ_HEADERS.consumerGroup] = a.groupId;
  return { topic: a.dlqTopic, key: a.message.key, value: a.message.value, headers };
}
