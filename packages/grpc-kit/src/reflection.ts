import type * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { FileDescriptorProto } from 'protobufjs/ext/descriptor';

/** The parts of @grpc/reflection's implementations (v1 and v1alpha) this module repairs. */
interface MessageDescriptor {
  name?: string;
  field?: Array<{ name?: string; typeName?: string }>;
  nestedType?: MessageDescriptor[];
  options?: { mapEntry?: boolean };
}
interface FileDescriptor {
  name?: string;
  dependency?: string[];
  messageType?: MessageDescriptor[];
}
interface ReflectionIndex {
  files: Record<string, FileDescriptor>;
  fileDependencies: Map<object, Array<{ name?: string }>>;
  fileEncodings: Map<object, Uint8Array>;
}

/**
 * Server reflection whose file descriptors name their imports. proto-loader leaves
 * `FileDescriptorProto.dependency` empty (grpc/grpc-node#2595, #3034), so grpcurl and other
 * strict clients could not resolve `google.protobuf.FieldMask` and refused to describe or call
 * ContactService. @grpc/reflection links the files itself; copy those links into the
 * descriptors it serves. protobufjs also names a map field's entry type after the field
 * (`CustomFieldFilters`), where descriptor.proto requires `CustomFieldFiltersEntry`.
 */
export function addReflection(
  server: grpc.Server,
  definition: protoLoader.PackageDefinition,
): void {
  const service = new ReflectionService(definition);
  const implementations = service as unknown as Record<'v1' | 'v1Alpha', ReflectionIndex>;
  for (const index of [implementations.v1, implementations.v1Alpha]) linkDependencies(index);
  service.addToServer(server);
}

function linkDependencies(index: ReflectionIndex): void {
  for (const file of Object.values(index.files)) {
    const imports = (index.fileDependencies.get(file) ?? []).map((dep) => dep.name ?? '');
    file.dependency = [...new Set(imports)].filter((name) => name !== '');
    for (const message of file.messageType ?? []) nameMapEntries(message);
    index.fileEncodings.set(file, FileDescriptorProto.encode(file).finish());
  }
}

function nameMapEntries(message: MessageDescriptor): void {
  for (const nested of message.nestedType ?? []) {
    nameMapEntries(nested);
    if (!nested.options?.mapEntry || nested.name?.endsWith('Entry')) continue;
    const field = message.field?.find((f) => f.typeName === nested.name);
    nested.name = `${nested.name}Entry`;
    if (field) field.typeName = nested.name;
  }
}
