// Imported first by main.ts: OpenTelemetry must patch grpc and mongodb before they load.
import { startTelemetryFromEnv, type Telemetry } from '@kith/telemetry';

export const telemetry: Telemetry = startTelemetryFromEnv('kith-marketing');
