import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@kith/logger';
import type { Bulkhead } from '@kith/resilience';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { METADATA, metadataValue } from './call-context';
import { overloadStatus } from './overload-status';
import { loadPackageDefinition } from './proto-loader';
import { addReflection } from './reflection';

export interface GrpcServiceRegistration {
  definition: grpc.ServiceDefinition;
  implementation: grpc.UntypedServiceImplementation;
  /** Full name, e.g. 'kith.contact.v1.ContactService'; also its health-check service name. */
  name: string;
  /** The proto file that defines it (see grpcService); reflection serves it. */
  protoFile?: string;
}

export interface CreateGrpcServerOptions {
  logger: Logger;
  services: GrpcServiceRegistration[];
  /**
   * More proto files for reflection (relative to PROTO_ROOT or absolute), beside those the
   * registrations name; only needed for a registration built without grpcService.
   */
  protoFiles?: string[];
  /** How long stop() lets in-flight calls finish before cancelling them; default 5000. */
  shutdownTimeoutMs?: number;
  /**
   * Bounds the unary calls served at once (per tenant and in all), so the database work they
   * queue is bounded too; a call that does not fit is refused RESOURCE_EXHAUSTED. A call holds
   * its slot until its handler returns, not merely until its caller gave up: that work is
   * still running (cut short by the call budget, see unaryHandler).
   */
  admission?: Bulkhead;
  serverOptions?: grpc.ServerOptions;
}

export interface GrpcServer {
  server: grpc.Server;
  /** Binds (insecure; TLS is the mesh's job) and resolves with the bound port. */
  start(address: string): Promise<number>;
  /** Health status of the server ('') and every registered service. */
  setServing(serving: boolean): void;
  stop(): Promise<void>;
}

/**
 * A gRPC server with the standard health service (grpc.health.v1, probed natively by
 * Kubernetes) and server reflection (grpcurl, grpcui) always registered.
 */
export function createGrpcServer(opts: CreateGrpcServerOptions): GrpcServer {
  const { logger } = opts;
  const server = new grpc.Server(opts.serverOptions);
  const healthNames = ['', ...opts.services.map((s) => s.name)];
  const health = new HealthImplementation(
    Object.fromEntries(healthNames.map((n) => [n, 'NOT_SERVING' as const])),
  );

  for (const service of opts.services) {
    const implementation = opts.admission
      ? admitted(service.definition, service.implementation, opts.admission)
      : service.implementation;
    server.addService(service.definition, implementation);
  }
  health.addToServer(server);
  // Reflection describes the application protos and the health proto (so grpcurl can call it).
  const protoFiles = [
    ...(opts.protoFiles ?? []),
    ...opts.services.flatMap((s) => (s.protoFile ? [s.protoFile] : [])),
  ];
  addReflection(server, loadPackageDefinition([...new Set(protoFiles), healthProtoPath]));

  const setServing = (serving: boolean): void => {
    for (const name of healthNames) health.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
  };

  const start = (address: string): Promise<number> =>
    new Promise((resolve, reject) => {
      server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err, port) => {
        if (err) return reject(err);
        setServing(true);
        logger.info({ address, port }, 'gRPC server listening');
        resolve(port);
      });
    });

  const stop = async (): Promise<void> => {
    // Report NOT_SERVING first so load balancers and probes stop sending new calls.
    setServing(false);
    const timeoutMs = opts.shutdownTimeoutMs ?? 5000;
    const graceful = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      server.tryShutdown(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!graceful) {
      logger.warn({ timeoutMs }, 'gRPC calls still running at shutdown timeout; cancelling them');
      server.forceShutdown();
    }
  };

  return { server, start, setServing, stop };
}

/** `implementation` with every unary method run inside a slot of `admission`. */
function admitted(
  definition: grpc.ServiceDefinition,
  implementation: grpc.UntypedServiceImplementation,
  admission: Bulkhead,
): grpc.UntypedServiceImplementation {
  const wrapped: grpc.UntypedServiceImplementation = { ...implementation };
  for (const [name, method] of Object.entries(definition)) {
    const handler = implementation[name];
    if (typeof handler !== 'function' || method.requestStream || method.responseStream) continue;
    const unary = handler as grpc.handleUnaryCall<unknown, unknown>;
    wrapped[name] = ((call, callback) => {
      const tenant = metadataValue(call.metadata, METADATA.tenantId) ?? '';
      admission
        .run(
          tenant,
          () =>
            new Promise<void>((done) =>
              unary(call, (err, res, ...rest) => {
                done();
                callback(err, res, ...rest);
              }),
            ),
        )
        .catch((err: unknown) => {
          const status = overloadStatus(err);
          callback(status ? status.toServiceError() : (err as grpc.ServiceError), null);
        });
    }) as grpc.handleUnaryCall<unknown, unknown>;
  }
  return wrapped;
}
