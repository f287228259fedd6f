// Imported first by main.ts: OpenTelemetry must patch http, express, grpc and mongodb
// before they load. Reads only the telemetry variables; main.ts validates the rest.
import { commonConfigShape, loadConfig } from '@kith/config';
import { startTelemetry } from '@kith/telemetry';
import type { Telemetry } from '@kith/telemetry';
import { z } from 'zod';

const telemetryConfig = loadConfig(
  z.object({
    OTEL_TRACES_EXPORTER: commonConfigShape.OTEL_TRACES_EXPORTER,
    OTEL_EXPORTER_OTLP_ENDPOINT: commonConfigShape.OTEL_EXPORTER_OTLP_ENDPOINT,
  }),
);

export const telemetry: Telemetry = startTelemetry({
  serviceName: 'kith-gateway',
  exporter: telemetryConfig.OTEL_TRACES_EXPORTER,
  otlpEndpoint: telemetryConfig.OTEL_EXPORTER_OTLP_ENDPOINT,
});
