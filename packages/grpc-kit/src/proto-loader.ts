import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS } from '@kith/contracts';

/**
 * Loads proto files with the options the generated types in @kith/contracts assume (camelCase
 * fields, longs and enums as strings, defaults filled). A path relative to PROTO_ROOT, e.g.
 * CONTACT_PROTO, or an absolute path.
 */
export function loadPackageDefinition(
  protoFiles: string | string[],
): protoLoader.PackageDefinition {
  return protoLoader.loadSync(protoFiles, PROTO_LOADER_OPTIONS);
}

export function loadProto(protoFile: string): grpc.GrpcObject {
  return grpc.loadPackageDefinition(loadPackageDefinition(protoFile));
}
