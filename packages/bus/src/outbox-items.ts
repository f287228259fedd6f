// The outbox items of one write: a CloudEvents envelope per event, keyed for per-aggregate
// order, carrying the trace active now (the gRPC call's, or the consumer's), so the relay's
// publish and every consumer's span join the request's trace.
import { newEvent, type EventEnvelope } from '@kith/events';
import { injectTraceContext } from '@kith/telemetry';
import { context, type Context } from '@opentelemetry/api';
import type { OutboxItem } from './outbox';

export interface OutboxEvent {
  type: string;
  /** The Kafka key: the id whose events must stay in order (usually the aggregate's). */
  key: string;
  /** `ce_subject`; the key when absent. */
  subject?: string;
  tenantId: string;
  /** UTC ISO-8601: when the change happened. */
  time: string;
  data: unknown;
  /** Set when a rebuilt event must keep its original id. */
  id?: string;
}

export function outboxItems(
  topic: string,
  source: string,
  events: readonly OutboxEvent[],
  traceContext: Context = context.active(),
): OutboxItem[] {
  const carrier: Record<string, string> = {};
  injectTraceContext(carrier, traceContext);
  return events.map((event) => ({
    topic,
    key: event.key,
    event: newEvent({
      ...(event.id ? { id: event.id } : {}),
      type: event.type,
      source,
      subject: event.subject ?? event.key,
      tenantId: event.tenantId,
      time: event.time,
      data: event.data,
      traceparent: carrier.traceparent,
      tracestate: carrier.tracestate,
    }) as EventEnvelope,
  }));
}
