// Imported first by main.ts: OpenTelemetry must patch grpc and mongodb before they load.
// Reads only the telemetry variables; the full config is validated afterwards in main.ts.
import { commonConfigShape, loadConfig } from '@kith/config';
import { startTelemetry, type Telemetry } from '@kith/telemetry';
import { z } from 'zod';

const telemetryConfig = loadConfig(
  z.object({
    OTEL_TRACES_EXPORTER: commonConfigShape.OTEL_TRACES_EXPORTER,
    OTEL_EXPORTER_OTLP_ENDPOINT: commonConfigShape.OTEL_EXPORTER_OTLP_ENDPOINT,
  }),
);

export const telemetry: Telemetry = startTelemetry({
  serviceName: 'kith-contact',
  exporter: telemetryConfig.OTEL_TRACES_EXPORTER,
  otlpEndpoint: telemetryConfig.OTEL_EXPORTER_OTLP_ENDPOINT,
});
