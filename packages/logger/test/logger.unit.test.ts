import { Writable } from 'node:stream';
import { trace, TraceFlags } from '@opentelemetry/api';
import { createLogger } from '../src';

function captureLines(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes one JSON line with the service name and a level label', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ service: 'contact', destination: stream });

    logger.info({ contactId: 'c1' }, 'contact created');

    expect(lines()).toEqual([
      expect.objectContaining({
        service: 'contact',
        level: 'info',
        msg: 'contact created',
        contactId: 'c1',
      }),
    ]);
  });

  it('redacts secrets and personal data at the top level and nested', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ service: 'gateway', destination: stream });

    logger.info({
      password: 'p',
      token: 't',
      email: 'a@example.org',
      req: { headers: { authorization: 'Bearer x' } },
      contact: { emails: [{ address: 'a@example.org' }], phones: ['+1555'] },
    });

    const [line] = lines();
    expect(line).toMatchObject({
      password: '[redacted]',
      token: '[redacted]',
      email: '[redacted]',
      req: { headers: { authorization: '[redacted]' } },
      contact: { emails: '[redacted]', phones: '[redacted]' },
    });
    expect(JSON.stringify(line)).not.toContain('example.org');
  });

  it('mixes in the trace and span ids of the active span', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ service: 'contact', destination: stream });
    const spanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    };
    // No context manager is registered in a unit test, so stand in for "a span is active".
    const spy = jest
      .spyOn(trace, 'getActiveSpan')
      .mockReturnValue(trace.wrapSpanContext(spanContext));
    logger.info('inside span');
    spy.mockRestore();
    logger.info('outside span');

    const [inside, outside] = lines();
    expect(inside).toMatchObject({ trace_id: spanContext.traceId, span_id: spanContext.spanId });
    expect(outside).not.toHaveProperty('trace_id');
  });

  it('honours the requested level', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger({ service: 'contact', level: 'warn', destination: stream });

    logger.info('dropped');
    logger.warn('kept');

    expect(lines().map((l) => l.msg)).toEqual(['kept']);
  });
});
