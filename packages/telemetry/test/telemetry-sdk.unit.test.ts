import { trace } from '@opentelemetry/api';
import { ConfigError } from '@kith/config';
import { startTelemetry, startTelemetryFromEnv, withSpan } from '../src';
import { instrumentationsFor } from '../src/telemetry-sdk';

describe('startTelemetry', () => {
  it("creates real spans with exporter 'none' so trace ids reach logs, and shuts down", async () => {
    const telemetry = startTelemetry({ serviceName: 'kith-test', exporter: 'none' });

    const traceId = await withSpan('work', {}, async (span) => span.spanContext().traceId);
    await telemetry.shutdown();

    expect(trace.isSpanContextValid({ traceId, spanId: '1'.repeat(16), traceFlags: 1 })).toBe(true);
  });

  it('returns the running SDK when a second service in the same process starts it again', async () => {
    const first = startTelemetry({ serviceName: 'kith-a', exporter: 'none' });
    const second = startTelemetry({ serviceName: 'kith-b', exporter: 'none' });

    expect(second).toBe(first);
    await first.shutdown();
    expect(startTelemetry({ serviceName: 'kith-c', exporter: 'none' })).not.toBe(first);
    await startTelemetry({ serviceName: 'kith-c', exporter: 'none' }).shutdown();
  });

  it('starts from the OTEL_* variables, and refuses an unknown exporter naming the variable', async () => {
    const telemetry = startTelemetryFromEnv('kith-env', { OTEL_TRACES_EXPORTER: 'none' });
    await telemetry.shutdown();

    expect(() => startTelemetryFromEnv('kith-env', { OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(
      ConfigError,
    );
    expect(() => startTelemetryFromEnv('kith-env', { OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(
      /OTEL_TRACES_EXPORTER/,
    );
  });
});

describe('instrumentationsFor', () => {
  const names = (exporter: 'none' | 'otlp' | 'console') =>
    instrumentationsFor(exporter)
      .flat()
      .map((i) => i.instrumentationName);

  it('propagates through HTTP and gRPC always, and spans MongoDB commands only when spans go somewhere', () => {
    expect(names('none')).toEqual([
      '@opentelemetry/instrumentation-http',
      '@opentelemetry/instrumentation-grpc',
    ]);
    for (const exporter of ['otlp', 'console'] as const) {
      expect(names(exporter)).toEqual([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-grpc',
        '@opentelemetry/instrumentation-mongodb',
      ]);
    }
  });
});
