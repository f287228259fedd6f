import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NoopSpanProcessor,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { kithPropagator } from './trace-context';

export type TraceExporterKind = 'none' | 'otlp' | 'console';

export interface StartTelemetryOptions {
  serviceName: string;
  /** Defaults to 'none'. */
  exporter?: TraceExporterKind;
  /** Base URL of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318; '/v1/traces' is appended. */
  otlpEndpoint?: string;
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

// One SDK per process: tests that run several services in one process import each
// service's instrument.ts, and a second SDK would fight the first over the globals.
let running: Telemetry | undefined;

/**
 * Starts the OpenTelemetry SDK. Call it before any instrumented module (http, grpc,
 * mongodb) is loaded, i.e. from a service's `instrument.ts` imported first by `main.ts`.
 * A second call in the same process returns the first SDK.
 */
export function startTelemetry(opts: StartTelemetryOptions): Telemetry {
  if (running) return running;
  const sdk = new NodeSDK({
    serviceName: opts.serviceName,
    // Always explicit, so NodeSDK never falls back to its env defaults (which export OTLP).
    spanProcessors: [spanProcessorFor(opts.exporter ?? 'none', opts.otlpEndpoint)],
    textMapPropagator: kithPropagator,
    instrumentations: instrumentationsFor(opts.exporter ?? 'none'),
  });
  sdk.start();
  running = {
    shutdown: async () => {
      running = undefined;
      await sdk.shutdown();
    },
  };
  return running;
}

/**
 * HTTP and gRPC always: their spans carry the trace context across processes and into logs and
 * events. MongoDB only when spans go somewhere: its spans are leaves nothing propagates, and
 * each costs a JSON serialisation of the command and a span per round trip (bench/README.md,
 * gift-write: about a tenth of a service's busy time) that a dropped span would waste.
 * No Express instrumentation: it wraps every router layer; the server span is named after its
 * route by setHttpRoute (http-route.ts) instead.
 */
export function instrumentationsFor(
  exporter: TraceExporterKind,
): NonNullable<NodeSDKConfiguration['instrumentations']> {
  const propagating = [new HttpInstrumentation(), new GrpcInstrumentation()];
  return exporter === 'none' ? propagating : [...propagating, new MongoDBInstrumentation()];
}

function spanProcessorFor(exporter: TraceExporterKind, otlpEndpoint?: string): SpanProcessor {
  switch (exporter) {
    case 'none':
      // Spans are still created (so trace ids reach logs and propagate downstream) but are
      // dropped on end: no exporter, no batching, no network.
      return new NoopSpanProcessor();
    case 'console':
      return new SimpleSpanProcessor(new ConsoleSpanExporter());
    case 'otlp':
      return new BatchSpanProcessor(
        new OTLPTraceExporter(
          otlpEndpoint ? { url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` } : {},
        ),
      );
  }
}
