// The gRPC services of the kith.contact.v1 package, each from its own proto file, as
// createGrpcServer registers them. One place that knows how a service is found in a loaded
// proto, so main.ts lists services instead of repeating the lookup.
import type * as grpc from '@grpc/grpc-js';
import { loadProto, type GrpcServiceRegistration } from '@kith/grpc-kit';

type ContactPackage = {
  kith: { contact: { v1: Record<string, { service?: grpc.ServiceDefinition } | undefined> } };
};

export function contactPackageService(
  protoFile: string,
  service: string,
  implementation: object,
): GrpcServiceRegistration {
  const definition = (loadProto(protoFile) as unknown as ContactPackage).kith.contact.v1[service]
    ?.service;
  if (!definition) throw new Error(`${protoFile} defines no service ${service}`);
  return {
    definition,
    implementation: implementation as grpc.UntypedServiceImplementation,
    name: `kith.contact.v1.${service}`,
  };
}
