import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span, SpanKind } from '@opentelemetry/api';

const TRACER_NAME = '@kith/telemetry';

export interface WithSpanOptions {
  kind?: SpanKind;
  /** Parent context, e.g. from extractTraceContext; defaults to the active context. */
  parent?: Context;
  attributes?: Attributes;
}

/**
 * Runs `fn` inside a new span that is active for its duration. A thrown error is recorded on
 * the span and sets its status to ERROR before being rethrown; the span always ends. `fn` may
 * also mark the span as failed itself (e.g. an error it turns into a response).
 */
export async function withSpan<T>(
  name: string,
  opts: WithSpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  // Look the tracer up per call so a provider registered later (or in a test) is used.
  const tracer = trace.getTracer(TRACER_NAME);
  const parent = opts.parent ?? context.active();
  const span = tracer.startSpan(name, { kind: opts.kind, attributes: opts.attributes }, parent);
  try {
    // Success leaves the status UNSET (the OpenTelemetry default for "not an error"): OK would
    // be final and stop fn from marking the span as failed without throwing.
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    throw err;
  } finally {
    span.end();
  }
}
