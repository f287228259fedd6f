// One typed client per gRPC service, from its generated constructor: every method becomes
// `(request, ctx) => Promise<response>` called through upstreamCall (the caller's metadata,
// deadline, bulkhead, cancellation and trace). Replaces a hand-written class per proto; unit
// tests stand in for it with fakeUpstream (test/support/fake-upstream.ts).
import type * as grpc from '@grpc/grpc-js';
import { createTypedClient } from '@kith/grpc-kit';
import type { TypedClient } from '@kith/grpc-kit';
import type { MethodNames, RequestOf, ResponseOf, ServiceConstructor } from '@kith/grpc-kit';
import { forScans, upstreamCall } from './upstream-call';
import type { RequestContext, UpstreamOptions } from './upstream-call';

export type UpstreamMethods<Def extends grpc.ServiceDefinition> = {
  [M in MethodNames<Def>]: (
    request: RequestOf<Def[M]>,
    ctx: RequestContext,
  ) => Promise<ResponseOf<Def[M]>>;
};

export type UpstreamClient<Def extends grpc.ServiceDefinition> = UpstreamMethods<Def> & {
  close(): void;
};

export interface UpstreamClientOptions<Def extends grpc.ServiceDefinition> {
  /** The heaviest reads (list pages): they take slots of the scan pool. */
  scans?: ReadonlyArray<MethodNames<Def>>;
  /** Methods with a budget of their own (a bulk write), instead of the upstream's deadline. */
  deadlines?: Partial<Record<MethodNames<Def>, number>>;
}

export function upstreamClient<Def extends grpc.ServiceDefinition>(
  ServiceCtor: ServiceConstructor<Def>,
  upstream: UpstreamOptions,
  opts: UpstreamClientOptions<Def> = {},
): UpstreamClient<Def> {
  const typed = createTypedClient(ServiceCtor, upstream.address);
  const scans = new Set<string>(opts.scans ?? []);
  const methods: Record<string, unknown> = { close: () => typed.close() };
  for (const method of Object.keys(ServiceCtor.service)) {
    const send = (typed as unknown as Record<string, TypedClient<Def>[MethodNames<Def>]>)[method];
    if (!send) continue;
    const pool = scans.has(method) ? forScans(upstream) : upstream;
    const deadlineMs = (opts.deadlines as Record<string, number> | undefined)?.[method];
    const options = deadlineMs === undefined ? pool : { ...pool, deadlineMs };
    methods[method] = (request: never, ctx: RequestContext) =>
      upstreamCall((callContext, callOpts) => send(request, callContext, callOpts), ctx, options);
  }
  return methods as UpstreamClient<Def>;
}

/** proto3 messages are never absent on the wire; a missing one is an upstream bug. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined)
    throw new Error(`the upstream answered without ${what}`);
  return value;
}
