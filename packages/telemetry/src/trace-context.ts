import { context, propagation, trace } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';

/** The one propagator every process uses: W3C trace context plus baggage. */
export const kithPropagator = new CompositePropagator({
  propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
});

/**
 * Registers the W3C propagator globally unless one is already there. Runs on import, so
 * inject/extract work in tests and tools that never call startTelemetry. The API refuses a
 * second registration anyway; checking first keeps it from logging a diag error.
 */
export function ensurePropagator(): void {
  if (!propagation.fields().includes('traceparent')) {
    propagation.setGlobalPropagator(kithPropagator);
  }
}

/**
 * Registers an AsyncLocalStorage context manager unless one is there: without it the API's
 * `context.with` keeps nothing, and a traceparent received over HTTP would not reach the
 * gRPC call or the event written while serving it. The SDK, when started later, finds this
 * one registered and keeps it.
 */
export function ensureContextManager(): void {
  const probe = trace.setSpanContext(context.active(), {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: 0,
  });
  const kept = context.with(probe, () => trace.getSpanContext(context.active()) !== undefined);
  if (!kept) context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

ensurePropagator();
ensureContextManager();

/** Writes `traceparent` (and `tracestate` when present) for `ctx`, or the active context. */
export function injectTraceContext(carrier: Record<string, string>, ctx?: Context): void {
  propagation.inject(ctx ?? context.active(), carrier);
}

/** Reads `traceparent`/`tracestate` into a context whose span is the remote parent. */
export function extractTraceContext(carrier: Record<string, string | undefined>): Context {
  return propagation.extract(context.active(), carrier, {
    get: (c, key) => c[key] ?? undefined,
    keys: (c) => Object.keys(c),
  });
}
