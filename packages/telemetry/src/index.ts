export { startTelemetry } from './telemetry-sdk';
export type { StartTelemetryOptions, Telemetry, TraceExporterKind } from './telemetry-sdk';
export { extractTraceContext, injectTraceContext, kithPropagator } from './trace-context';
export { withSpan } from './with-span';
export type { WithSpanOptions } from './with-span';
export { startTelemetryFromEnv } from './telemetry-env';
export { setHttpRoute } from './http-route';
