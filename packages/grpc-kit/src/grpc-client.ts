import * as grpc from '@grpc/grpc-js';
import type { Bulkhead } from '@kith/resilience';
import { metadataFromContext } from './call-context';
import type { CallContext } from './call-context';
import { retryInterceptor } from './retry-interceptor';
import type { RetryPolicy } from './retry-interceptor';

export interface CreateClientOptions {
  /** Defaults to insecure: inside the cluster the mesh provides TLS. */
  credentials?: grpc.ChannelCredentials;
  retry?: RetryPolicy;
  channelOptions?: grpc.ChannelOptions;
}

type ServiceClientCtor = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options?: grpc.ClientOptions,
) => grpc.Client;

/**
 * A client for a service loaded with loadProto, e.g.
 * `createClient<ContactServiceClient>(pkg.kith.contact.v1.ContactService, '127.0.0.1:50051')`.
 * The constructor is taken as `unknown` (and checked at run time) so an untyped GrpcObject
 * member works as well as a typed ContactProtoGrpcType one.
 */
export function createClient<T>(
  ServiceCtor: unknown,
  address: string,
  opts: CreateClientOptions = {},
): T {
  if (typeof ServiceCtor !== 'function') {
    throw new TypeError('createClient needs a service client constructor from loadProto');
  }
  const Ctor = ServiceCtor as ServiceClientCtor;
  return new Ctor(address, opts.credentials ?? grpc.credentials.createInsecure(), {
    ...opts.channelOptions,
    interceptors: [retryInterceptor(opts.retry)],
  }) as T;
}

export interface CallUnaryOptions {
  /** Per-call budget; default 5000. An earlier deadline in ctx wins. */
  deadlineMs?: number;
  /**
   * The upstream's bulkhead: the call runs in one of its slots, keyed by the tenant, or is
   * refused with BulkheadRejectedError without reaching the network.
   */
  bulkhead?: Bulkhead;
  /** Aborting it cancels the call (or takes it out of the bulkhead's queue). */
  signal?: AbortSignal;
}

export const DEFAULT_DEADLINE_MS = 5000;

/**
 * Calls a unary method with the context's metadata, the active trace context and a deadline
 * (never without one). Rejects with the grpc-js ServiceError so callers keep code and trailers.
 */
export function callUnary<Res>(
  client: object,
  method: string,
  request: unknown,
  ctx: CallContext,
  opts: CallUnaryOptions = {},
): Promise<Res> {
  const fn = (client as Record<string, unknown>)[method];
  if (typeof fn !== 'function') {
    return Promise.reject(new TypeError(`client has no method ${method}`));
  }
  const send = (): Promise<Res> => {
    // The deadline counts from when the call leaves, not from when it joined a queue.
    const budget = Date.now() + (opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const deadline = new Date(Math.min(budget, ctx.deadline?.getTime() ?? Infinity));
    const metadata = metadataFromContext(ctx);
    return new Promise<Res>((resolve, reject) => {
      const call = fn.call(
        client,
        request,
        metadata,
        { deadline },
        (err: grpc.ServiceError | null, response: Res) => {
          opts.signal?.removeEventListener('abort', cancel);
          if (err) reject(err);
          else resolve(response);
        },
      ) as grpc.ClientUnaryCall;
      const cancel = (): void => call.cancel();
      if (opts.signal?.aborted) cancel();
      else opts.signal?.addEventListener('abort', cancel, { once: true });
    });
  };
  return opts.bulkhead ? opts.bulkhead.run(ctx.tenantId, send, opts.signal) : send();
}

/** The request a unary method of a generated ServiceDefinition takes (the input type). */
export type RequestOf<M> = M extends { requestSerialize: (value: infer Req) => Buffer }
  ? Req
  : never;
/** What it answers, as grpc-js decodes it with the loader options (the __Output type). */
export type ResponseOf<M> = M extends { responseDeserialize: (bytes: Buffer) => infer Res }
  ? Res
  : never;
/** The method names of a generated definition (its index signature left out). */
export type MethodNames<Def> = keyof { [M in keyof Def as string extends M ? never : M]: M } &
  string;

/** A generated service constructor from loadProto: `proto.kith.contact.v1.HouseholdService`. */
export interface ServiceConstructor<Def extends grpc.ServiceDefinition> {
  new (
    address: string,
    credentials: grpc.ChannelCredentials,
    options?: grpc.ClientOptions,
  ): grpc.Client;
  service: Def;
}

/** Every method of a service as `(request, ctx, opts?) => Promise<response>`, and close(). */
export type TypedClient<Def extends grpc.ServiceDefinition> = {
  [M in MethodNames<Def>]: (
    request: RequestOf<Def[M]>,
    ctx: CallContext,
    opts?: CallUnaryOptions,
  ) => Promise<ResponseOf<Def[M]>>;
} & { close(): void };

/**
 * One typed client for any service, from its generated constructor: each method of the
 * service definition becomes a callUnary with its own request and response types (no class
 * per proto). `defaults` apply to every call; a call's own options win.
 */
export function createTypedClient<Def extends grpc.ServiceDefinition>(
  ServiceCtor: ServiceConstructor<Def>,
  address: string,
  opts: CreateClientOptions & { defaults?: CallUnaryOptions } = {},
): TypedClient<Def> {
  const client = createClient<grpc.Client>(ServiceCtor, address, opts);
  const methods: Record<string, unknown> = { close: () => client.close() };
  for (const [method, definition] of Object.entries(ServiceCtor.service)) {
    if (definition.requestStream || definition.responseStream) continue;
    methods[method] = (request: unknown, ctx: CallContext, callOpts: CallUnaryOptions = {}) =>
      callUnary(client, method, request, ctx, { ...opts.defaults, ...callOpts });
  }
  return methods as TypedClient<Def>;
}
