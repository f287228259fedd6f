import { context, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { extractTraceContext, injectTraceContext, withSpan } from '../src';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
});

afterEach(() => exporter.reset());

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
});

describe('trace context propagation', () => {
  it('keeps an extracted parent across an await without the SDK started', async () => {
    const parent = extractTraceContext({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    const seen = await context.with(parent, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const carrier: Record<string, string> = {};
      injectTraceContext(carrier);
      return carrier.traceparent;
    });
    expect(seen?.split('-')[1]).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('round-trips a traceparent through inject and extract without the SDK started', () => {
    const spanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    };
    const carrier: Record<string, string> = {};

    injectTraceContext(carrier, trace.setSpanContext(context.active(), spanContext));
    const extracted = trace.getSpanContext(extractTraceContext(carrier));

    expect(carrier.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    expect(extracted).toMatchObject({ ...spanContext, isRemote: true });
  });

  it('extracts no span context when the carrier has no traceparent', () => {
    const ctx = extractTraceContext({ traceparent: undefined });

    expect(trace.getSpanContext(ctx)).toBeUndefined();
  });
});

describe('withSpan', () => {
  it('ends the span with its status unset and returns the result', async () => {
    const result = await withSpan('work', { kind: SpanKind.INTERNAL }, async () => 42);

    const [span] = exporter.getFinishedSpans();
    expect(result).toBe(42);
    expect(span).toMatchObject({ name: 'work', kind: SpanKind.INTERNAL });
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('records a thrown exception, marks the span as an error and rethrows', async () => {
    const failing = withSpan('fails', {}, async () => {
      throw new Error('boom');
    });

    await expect(failing).rejects.toThrow('boom');
    const [span] = exporter.getFinishedSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
    expect(span?.events).toEqual([
      expect.objectContaining({
        name: 'exception',
        attributes: expect.objectContaining({ 'exception.message': 'boom' }),
      }),
    ]);
  });

  it('starts the span as a child of the given parent context', async () => {
    const parent = extractTraceContext({
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });

    await withSpan('child', { kind: SpanKind.SERVER, parent, attributes: { a: 1 } }, async () => {
      return undefined;
    });

    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(span?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span?.attributes).toEqual({ a: 1 });
  });
});
