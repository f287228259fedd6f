import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@kith/logger';
import { extractTraceContext, withSpan } from '@kith/telemetry';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context, Span } from '@opentelemetry/api';
import { runWithBudget } from '@kith/resilience';
import { METADATA, metadataValue, readCallContext } from './call-context';
import type { CallContext } from './call-context';
import { overloadStatus } from './overload-status';
import { isServiceError, readErrorInfo, readFieldErrors, StatusError } from './status-error';

export interface UnaryHandlerOptions {
  logger: Logger;
  /** Maps the service's own errors (e.g. its DomainError) to a StatusError; undefined = unknown. */
  mapError: (err: unknown) => StatusError | undefined;
}

// Codes that mean "the server failed", as opposed to "the request was refused"; only these
// mark the span as an error (OpenTelemetry's gRPC server convention).
const SERVER_FAULT_CODES = new Set<grpc.status>([
  grpc.status.UNKNOWN,
  grpc.status.DEADLINE_EXCEEDED,
  grpc.status.UNIMPLEMENTED,
  grpc.status.INTERNAL,
  grpc.status.UNAVAILABLE,
  grpc.status.DATA_LOSS,
]);

/**
 * Adapts `fn(request, ctx)` to a grpc-js unary handler: reads the CallContext, runs inside a
 * server span continuing the caller's trace and inside the call's budget (its deadline, and a
 * signal aborted when the caller cancels: @kith/resilience gives the store layer both), and
 * turns every failure into a gRPC status.
 */
export function unaryHandler<Req, Res>(
  fn: (req: Req, ctx: CallContext) => Promise<Res>,
  opts: UnaryHandlerOptions,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const path = call.getPath(); // '/kith.contact.v1.ContactService/GetContact'
    const [service = '', method = ''] = path.replace(/^\//, '').split('/');
    const { parent, kind } = spanParent(call.metadata);
    const attributes = { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method };

    void withSpan(`${service}/${method}`, { kind, parent, attributes }, async (span) => {
      let response: Res;
      const cancelled = new AbortController();
      const onCancelled = (): void => cancelled.abort();
      call.once('cancelled', onCancelled);
      try {
        const ctx = readCallContext(call.metadata, call.getDeadline());
        const budget = {
          signal: cancelled.signal,
          ...(ctx.deadline ? { deadline: ctx.deadline } : {}),
        };
        response = await runWithBudget(budget, () => fn(call.request, ctx));
      } catch (err) {
        const statusError = toStatusError(err, opts, path);
        recordOnSpan(span, statusError, err);
        callback(statusError.toServiceError());
        return;
      } finally {
        call.removeListener('cancelled', onCancelled);
      }
      // Outside the try: a failure inside callback must not be answered a second time.
      span.setAttribute('rpc.grpc.status_code', grpc.status.OK);
      callback(null, response);
    });
  };
}

/**
 * The unary methods of a generated `…ServiceHandlers` interface as plain async functions of
 * (request, call context); request and response types come from the generated interface.
 */
export type UnaryMethods<H> = {
  [K in keyof H as string extends K ? never : K]: H[K] extends grpc.handleUnaryCall<
    infer Req,
    infer Res
  >
    ? (req: Req, ctx: CallContext) => Promise<Res>
    : never;
};

/**
 * A service's handlers from one object of methods, each adapted by `unaryHandler` with the same
 * options (logger, the service's error mapper): `unaryHandlers<xV1.XServiceHandlers>({...}, opts)`.
 */
export function unaryHandlers<H>(methods: UnaryMethods<H>, opts: UnaryHandlerOptions): H {
  const entries = Object.entries(methods) as Array<
    [string, (req: unknown, ctx: CallContext) => Promise<unknown>]
  >;
  return Object.fromEntries(entries.map(([name, fn]) => [name, unaryHandler(fn, opts)])) as H;
}

function toStatusError(err: unknown, opts: UnaryHandlerOptions, path: string): StatusError {
  if (err instanceof StatusError) return err;
  const overload = overloadStatus(err);
  if (overload) return overload;
  const mapped = opts.mapError(err);
  if (mapped) return mapped;
  // A failed downstream call keeps its code: collapsing it into INTERNAL would hide, say, a
  // NOT_FOUND or a retryable UNAVAILABLE from our own caller.
  if (isServiceError(err)) {
    return new StatusError(err.code, err.details, readFieldErrors(err), readErrorInfo(err));
  }
  opts.logger.error({ err, rpc: path }, 'unhandled error in gRPC handler');
  return new StatusError(grpc.status.INTERNAL, 'internal error');
}

function recordOnSpan(span: Span, statusError: StatusError, cause: unknown): void {
  span.setAttribute('rpc.grpc.status_code', statusError.code);
  if (!SERVER_FAULT_CODES.has(statusError.code)) return;
  span.recordException(cause instanceof Error ? cause : statusError);
  span.setStatus({ code: SpanStatusCode.ERROR, message: statusError.message });
}

/**
 * When the OpenTelemetry gRPC instrumentation is active it has already opened the SERVER span
 * (parented on the caller's traceparent) and made it current; then ours nests inside it as
 * INTERNAL. Otherwise ours is the SERVER span, parented on the metadata's trace context.
 */
function spanParent(metadata: grpc.Metadata): { parent: Context; kind: SpanKind } {
  const active = trace.getSpan(context.active())?.spanContext();
  if (active && trace.isSpanContextValid(active) && !active.isRemote) {
    return { parent: context.active(), kind: SpanKind.INTERNAL };
  }
  const parent = extractTraceContext({
    traceparent: metadataValue(metadata, METADATA.traceparent),
    tracestate: metadataValue(metadata, METADATA.tracestate),
  });
  return { parent, kind: SpanKind.SERVER };
}
