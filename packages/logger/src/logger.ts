import { trace } from '@opentelemetry/api';
import pino from 'pino';
import { REDACT_CENSOR, REDACT_PATHS } from './redact-paths';

export type Logger = pino.Logger;

export interface CreateLoggerOptions {
  service: string;
  /** pino level name; defaults to LOG_LEVEL or 'info'. */
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

/**
 * JSON-lines logger. Each line carries `trace_id`/`span_id` of the span active when it is
 * written, so logs and traces join up without callers passing ids around.
 */
export function createLogger(opts: CreateLoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: opts.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Level names rather than numbers: log shippers and humans both read them directly.
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: REDACT_CENSOR },
    mixin: traceMixin,
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

function traceMixin(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  // An all-zero id means "no trace" (e.g. a non-recording placeholder); leave it out.
  if (!traceId || /^0+$/.test(traceId)) return {};
  return { trace_id: traceId, span_id: spanId };
}
