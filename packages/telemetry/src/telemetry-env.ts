// The one way a service's instrument.ts starts telemetry: the OTEL_* variables validated with
// the same shape every service's config uses, then startTelemetry.
import { commonConfigShape, loadConfig } from '@kith/config';
import { z } from 'zod';
import { startTelemetry, type Telemetry } from './telemetry-sdk';

const telemetryEnvSchema = z.object({
  OTEL_TRACES_EXPORTER: commonConfigShape.OTEL_TRACES_EXPORTER,
  OTEL_EXPORTER_OTLP_ENDPOINT: commonConfigShape.OTEL_EXPORTER_OTLP_ENDPOINT,
});

export function startTelemetryFromEnv(
  serviceName: string,
  env: Record<string, string | undefined> = process.env,
): Telemetry {
  const config = loadConfig(telemetryEnvSchema, env);
  return startTelemetry({
    serviceName,
    exporter: config.OTEL_TRACES_EXPORTER,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
}
