// A service of a loaded proto, as createGrpcServer registers it. The registration names its
// proto file, so the server's reflection serves it without a second list of files.
import type * as grpc from '@grpc/grpc-js';
import type { GrpcServiceRegistration } from './grpc-server';
import { loadProto } from './proto-loader';

/**
 * `fullName` is the service's fully qualified name, e.g. 'kith.contact.v1.ContactService';
 * it is also its name on the health service. Throws when `protoFile` does not define it.
 */
export function grpcService(
  protoFile: string,
  fullName: string,
  implementation: object,
): GrpcServiceRegistration {
  let node: unknown = loadProto(protoFile);
  for (const part of fullName.split('.')) {
    node =
      typeof node === 'object' || typeof node === 'function'
        ? (node as Record<string, unknown>)?.[part]
        : undefined;
  }
  const definition = (node as { service?: grpc.ServiceDefinition } | undefined)?.service;
  if (!definition) throw new Error(`${protoFile} defines no service ${fullName}`);
  return {
    definition,
    implementation: implementation as grpc.UntypedServiceImplementation,
    name: fullName,
    protoFile,
  };
}
