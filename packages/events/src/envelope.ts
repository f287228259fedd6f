// CloudEvents 1.0 envelope carried in Kafka binary mode: attributes travel as `ce_*` headers and
// the body is the JSON of `data` alone, so consumers in any language can read it without our code.
import { v7 as uuidv7 } from 'uuid';

export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  source: string;
  specversion: '1.0';
  time: string;
  subject: string;
  tenantId: string;
  traceparent?: string;
  tracestate?: string;
  datacontenttype: 'application/json';
  data: T;
}

export interface NewEventInput<T> {
  type: string;
  source: string;
  subject: string;
  tenantId: string;
  data: T;
  /** Passed in (not read from a clock here) so domain code stays deterministic. */
  time: string;
  id?: string;
  traceparent?: string;
  tracestate?: string;
}

export interface KafkaEventMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export type KafkaHeaderValue = Buffer | string | undefined | (Buffer | string)[];

export interface IncomingKafkaMessage {
  key?: Buffer | string | null;
  value: Buffer | null;
  headers?: Record<string, KafkaHeaderValue>;
}

/** Thrown when a Kafka message is not a valid Kith CloudEvent; consumers send it to the DLQ. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';

  constructor(
    message: string,
    /** The header at fault, when one is. */
    readonly header?: string,
  ) {
    super(message);
  }
}

const CONTENT_TYPE = 'application/json';

/** Headers every Kith event must carry; `traceparent` / `tracestate` are optional. */
export const REQUIRED_EVENT_HEADERS = [
  'ce_id',
  'ce_type',
  'ce_source',
  'ce_specversion',
  'ce_time',
  'ce_subject',
  'kithtenant',
  'content-type',
] as const;

export function newEvent<T>(a: NewEventInput<T>): EventEnvelope<T> {
  const event: EventEnvelope<T> = {
    id: a.id ?? uuidv7(),
    type: a.type,
    source: a.source,
    specversion: '1.0',
    time: a.time,
    subject: a.subject,
    tenantId: a.tenantId,
    datacontenttype: CONTENT_TYPE,
    data: a.data,
  };
  if (a.traceparent) event.traceparent = a.traceparent;
  if (a.tracestate) event.tracestate = a.tracestate;
  return event;
}

export function toKafkaMessage(e: EventEnvelope, key: string): KafkaEventMessage {
  const headers: Record<string, string> = {
    ce_id: e.id,
    ce_type: e.type,
    ce_source: e.source,
    ce_time: e.time,
    ce_specversion: e.specversion,
    ce_subject: e.subject,
    kithtenant: e.tenantId,
    'content-type': CONTENT_TYPE,
  };
  if (e.traceparent) headers.traceparent = e.traceparent;
  if (e.tracestate) headers.tracestate = e.tracestate;
  return { key, value: Buffer.from(JSON.stringify(e.data)), headers };
}

/** Header values as plain strings; kafkajs hands them over as Buffers. */
export function decodeHeaders(
  headers: Record<string, KafkaHeaderValue> | undefined,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    // A repeated header keeps its last value, as most Kafka clients do.
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    out[name] = value === undefined ? undefined : value.toString();
  }
  return out;
}

/**
 * The event type from the `ce_type` header alone, without decoding the other headers or the
 * body: a consumer can pass over a type it does not handle for the price of one header.
 */
export function eventTypeOf(m: Pick<IncomingKafkaMessage, 'headers'>): string | undefined {
  const raw = m.headers?.ce_type;
  // A repeated header keeps its last value, as in decodeHeaders.
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return value === undefined ? undefined : value.toString();
}

export function fromKafkaMessage(m: IncomingKafkaMessage): EventEnvelope {
  const h = decodeHeaders(m.headers);
  for (const name of REQUIRED_EVENT_HEADERS) {
    if (!h[name]) throw new EnvelopeError(`missing header ${name}`, name);
  }
  if (h.ce_specversion !== '1.0') {
    throw new EnvelopeError(`unsupported ce_specversion ${h.ce_specversion}`, 'ce_specversion');
  }
  const mediaType = (h['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== CONTENT_TYPE) {
    throw new EnvelopeError(`unsupported content-type ${h['content-type']}`, 'content-type');
  }
  if (Number.isNaN(Date.parse(h.ce_time ?? ''))) {
    throw new EnvelopeError('ce_time is not an ISO-8601 time', 'ce_time');
  }
  if (m.value === null || m.value.length === 0) throw new EnvelopeError('empty body');
  let data: unknown;
  try {
    data = JSON.parse(m.value.toString('utf8'));
  } catch {
    throw new EnvelopeError('body is not JSON');
  }
  return newEvent({
    id: h.ce_id as string,
    type: h.ce_type as string,
    source: h.ce_source as string,
    time: h.ce_time as string,
    subject: h.ce_subject as string,
    tenantId: h.kithtenant as string,
    traceparent: h.traceparent,
    tracestate: h.tracestate,
    data,
  });
}
