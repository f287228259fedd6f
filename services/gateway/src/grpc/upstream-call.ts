// One way every gateway client calls a gRPC upstream: the caller's tenant, user, roles and
// idempotency key as metadata, a deadline, the upstream's bulkhead, and the trace continued.
import type * as grpc from '@grpc/grpc-js';
import { callUnary } from '@kith/grpc-kit';
import type { CallContext, CallUnaryOptions } from '@kith/grpc-kit';
import type { Bulkhead } from '@kith/resilience';
import { extractTraceContext } from '@kith/telemetry';
import { context, trace } from '@opentelemetry/api';

/** Who is asking, as the HTTP layer knows it. */
export interface RequestContext {
  tenantId: string;
  userId: string;
  roles: string[];
  idempotencyKey?: string | undefined;
  /** The HTTP request's W3C trace headers, used when no span is active (see callUpstream). */
  traceparent?: string | undefined;
  tracestate?: string | undefined;
  /** Aborted when the HTTP client went away: the call is cancelled and frees its slot. */
  signal?: AbortSignal | undefined;
}

/** Where an upstream is and how it is called: deadline and the bulkhead in front of it. */
export interface UpstreamOptions {
  address: string;
  deadlineMs: number;
  /** Shared by every client of one upstream process (main.ts). */
  bulkhead?: Bulkhead | undefined;
  /**
   * For the heaviest reads (a list page: a bucket or two, or a sorted filter, up to the
   * service's page budget): a pool of their own, so point reads and writes never wait behind
   * them and only as many run as can finish within the deadline. Without it, they share
   * `bulkhead`.
   */
  scanBulkhead?: Bulkhead | undefined;
}

/** The same upstream, with its scan calls taking slots of the scan pool. */
export function forScans(upstream: UpstreamOptions): UpstreamOptions {
  return upstream.scanBulkhead ? { ...upstream, bulkhead: upstream.scanBulkhead } : upstream;
}

export function callUpstream<Res>(
  client: grpc.Client,
  method: string,
  request: object,
  ctx: RequestContext,
  upstream: UpstreamOptions,
): Promise<Res> {
  return upstreamCall(
    (callContext, opts) => callUnary<Res>(client, method, request, callContext, opts),
    ctx,
    upstream,
  );
}

/** The one way out: `send` gets the caller as metadata, the deadline, bulkhead and signal. */
export function upstreamCall<Res>(
  send: (callContext: CallContext, opts: CallUnaryOptions) => Promise<Res>,
  ctx: RequestContext,
  upstream: UpstreamOptions,
): Promise<Res> {
  const callContext: CallContext = {
    tenantId: ctx.tenantId,
    userId: ctx.userId,
    roles: ctx.roles,
    ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
  };
  const run = () =>
    send(callContext, {
      deadlineMs: upstream.deadlineMs,
      ...(upstream.bulkhead ? { bulkhead: upstream.bulkhead } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  // callUnary injects the active trace context. Normally that is the HTTP server span the
  // instrumentation opened from the client's traceparent. When http was not patched (loaded
  // before instrument.ts, or under Jest's module registry) no span is active, so continue
  // the client's traceparent explicitly; the e2e test checks it reaches the Kafka event.
  if (trace.getSpan(context.active()) || !ctx.traceparent) return run();
  const parent = extractTraceContext({ traceparent: ctx.traceparent, tracestate: ctx.tracestate });
  return context.with(parent, run);
}
