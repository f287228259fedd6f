import {
  EnvelopeError,
  REQUIRED_EVENT_HEADERS,
  fromKafkaMessage,
  newEvent,
  toKafkaMessage,
} from '../src';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function sampleEvent() {
  return newEvent({
    type: 'kith.contact.created.v1',
    source: 'kith/contact',
    subject: 'contact-1',
    tenantId: 'tenant-a',
    time: '2026-11-23T07:00:00.000Z',
    traceparent: TRACEPARENT,
    data: { contact: { id: 'contact-1' } },
  });
}

/** What kafkajs hands a consumer: header values as Buffers. */
function asReceived(message: ReturnType<typeof toKafkaMessage>) {
  const headers: Record<string, Buffer> = {};
  for (const [name, value] of Object.entries(message.headers)) headers[name] = Buffer.from(value);
  return { key: Buffer.from(message.key), value: message.value, headers };
}

describe('CloudEvents envelope in Kafka binary mode', () => {
  it('gives a new event a uuid v7 id, spec version 1.0 and a JSON content type', () => {
    const event = sampleEvent();

    expect(event.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(event.specversion).toBe('1.0');
    expect(event.datacontenttype).toBe('application/json');
  });

  it('writes the attributes as ce_* headers and only the data as the body', () => {
    const event = sampleEvent();

    const message = toKafkaMessage(event, 'contact-1');

    expect(message.key).toBe('contact-1');
    expect(message.headers).toEqual({
      ce_id: event.id,
      ce_type: 'kith.contact.created.v1',
      ce_source: 'kith/contact',
      ce_time: '2026-11-23T07:00:00.000Z',
      ce_specversion: '1.0',
      ce_subject: 'contact-1',
      kithtenant: 'tenant-a',
      traceparent: TRACEPARENT,
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value.toString())).toEqual({ contact: { id: 'contact-1' } });
  });

  it('reads back the same envelope it wrote', () => {
    const event = { ...sampleEvent(), tracestate: 'kith=1' };

    const decoded = fromKafkaMessage(asReceived(toKafkaMessage(event, 'contact-1')));

    expect(decoded).toEqual(event);
  });

  it('leaves the trace headers out when the event has no trace context', () => {
    const { traceparent: _omitted, ...event } = sampleEvent();

    const message = toKafkaMessage(event, 'contact-1');

    expect(message.headers).not.toHaveProperty('traceparent');
    expect(message.headers).not.toHaveProperty('tracestate');
  });

  it.each(REQUIRED_EVENT_HEADERS.map((name) => [name]))(
    'rejects a message without the %s header',
    (name) => {
      const message = asReceived(toKafkaMessage(sampleEvent(), 'contact-1'));
      delete message.headers[name];

      expect(() => fromKafkaMessage(message)).toThrow(
        expect.objectContaining({ name: 'EnvelopeError', header: name }),
      );
    },
  );

  it.each([
    ['ce_specversion', '0.3'],
    ['content-type', 'application/avro'],
    ['ce_time', 'yesterday'],
  ])('rejects a message whose %s header is %s', (name, value) => {
    const message = asReceived(toKafkaMessage(sampleEvent(), 'contact-1'));
    message.headers[name] = Buffer.from(value);

    expect(() => fromKafkaMessage(message)).toThrow(EnvelopeError);
  });

  it('rejects a body that is not JSON', () => {
    const message = asReceived(toKafkaMessage(sampleEvent(), 'contact-1'));

    expect(() => fromKafkaMessage({ ...message, value: Buffer.from('{not json') })).toThrow(
      new EnvelopeError('body is not JSON'),
    );
  });

  it('rejects a tombstone (null body)', () => {
    const message = asReceived(toKafkaMessage(sampleEvent(), 'contact-1'));

    expect(() => fromKafkaMessage({ ...message, value: null })).toThrow(EnvelopeError);
  });

  it('accepts string header values and takes the last of a repeated header', () => {
    const event = sampleEvent();
    const message = toKafkaMessage(event, 'contact-1');

    const decoded = fromKafkaMessage({
      ...message,
      headers: { ...message.headers, ce_type: ['kith.old.v1', Buffer.from(event.type)] },
    });

    expect(decoded.type).toBe(event.type);
  });
});
