// Loopback gRPC only (a real server on 127.0.0.1:0 in this process), so it runs in the unit tier.
import path from 'node:path';
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { FileDescriptorProto } from 'protobufjs/ext/descriptor';
import { CONTACT_PROTO } from '@kith/contracts';
import type { ContactProtoGrpcType } from '@kith/contracts';
import { createLogger } from '@kith/logger';
import { checkHealth, createGrpcServer, grpcService, loadProto } from '../src';
import type { GrpcServer } from '../src';

const logger = createLogger({
  service: 'grpc-kit-test',
  destination: new Writable({ write: (_chunk, _enc, cb) => cb() }),
});
let server: GrpcServer;
let address: string;

beforeAll(async () => {
  const pkg = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
  server = createGrpcServer({
    logger,
    // No handlers: health and reflection are what is under test; calls would be UNIMPLEMENTED.
    services: [
      {
        definition: pkg.kith.contact.v1.ContactService.service,
        implementation: {},
        name: 'kith.contact.v1.ContactService',
      },
    ],
    protoFiles: [CONTACT_PROTO],
  });
  address = `127.0.0.1:${await server.start('127.0.0.1:0')}`;
});

afterAll(() => server.stop());

describe('createGrpcServer', () => {
  it('answers SERVING, then NOT_SERVING after setServing(false)', async () => {
    const before = await checkHealth(address);
    const serviceBefore = await checkHealth(address, { service: 'kith.contact.v1.ContactService' });
    server.setServing(false);
    const after = await checkHealth(address);
    const serviceAfter = await checkHealth(address, { service: 'kith.contact.v1.ContactService' });
    server.setServing(true);

    expect([before, serviceBefore, after, serviceAfter]).toEqual([true, true, false, false]);
  });

  it('lists the application and health services through server reflection', async () => {
    const services = await listServicesByReflection(address);

    expect(services).toEqual(
      expect.arrayContaining(['kith.contact.v1.ContactService', 'grpc.health.v1.Health']),
    );
  });

  // grpcurl builds the descriptors it receives with Go's protodesc, which resolves a field's
  // type only in its own file and the files that file names as imports.
  it('serves file descriptors whose every field type is in the file or one it imports', async () => {
    const files = await filesContainingSymbol(address, 'kith.contact.v1.ContactService');

    expect(unresolvedTypeReferences(files)).toEqual([]);
    expect(files.flatMap(declaredTypes)).toContain('.google.protobuf.FieldMask');
  });

  // descriptor.proto: a map field's entry type is named after the field, plus "Entry".
  it('names each map entry type <FieldName>Entry', async () => {
    const files = await filesContainingSymbol(address, 'kith.contact.v1.ContactService');
    const entries = files.flatMap((f) =>
      f.messageType.flatMap((m) =>
        m.nestedType
          .filter((n) => n.options?.mapEntry)
          .map((n) => [m.field.find((field) => field.typeName === n.name)?.name, n.name]),
      ),
    );

    expect(entries).toContainEqual(['customFieldFilters', 'CustomFieldFiltersEntry']);
    expect(entries.filter(([field, entry]) => !field || !entry?.endsWith('Entry'))).toEqual([]);
  });
});

describe('grpcService', () => {
  it('registers a service whose proto file reflection serves without a list of files', async () => {
    const derived = createGrpcServer({
      logger,
      services: [grpcService(CONTACT_PROTO, 'kith.contact.v1.ContactService', {})],
    });
    const target = `127.0.0.1:${await derived.start('127.0.0.1:0')}`;
    try {
      const services = await listServicesByReflection(target);
      const files = await filesContainingSymbol(target, 'kith.contact.v1.ContactService');

      expect(services).toContain('kith.contact.v1.ContactService');
      expect(unresolvedTypeReferences(files)).toEqual([]);
    } finally {
      await derived.stop();
    }
  });

  it('refuses a service name its proto file does not define', () => {
    expect(() => grpcService(CONTACT_PROTO, 'kith.contact.v1.NoSuchService', {})).toThrow(
      /defines no service kith.contact.v1.NoSuchService/,
    );
  });
});

describe('checkHealth', () => {
  it('reports an unreachable address as not healthy', async () => {
    const healthy = await checkHealth('127.0.0.1:1', { timeoutMs: 500 });

    expect(healthy).toBe(false);
  });

  it('reports an unknown service name as not healthy', async () => {
    const healthy = await checkHealth(address, { service: 'kith.nothing.v1.Nothing' });

    expect(healthy).toBe(false);
  });
});

interface MessageDescriptor {
  name: string;
  field: Array<{ name: string; typeName?: string }>;
  options?: { mapEntry?: boolean };
  nestedType: MessageDescriptor[];
  enumType: Array<{ name: string }>;
}
interface FileDescriptor {
  name: string;
  package: string;
  dependency: string[];
  messageType: MessageDescriptor[];
  enumType: Array<{ name: string }>;
}

/** Fully qualified names (`.pkg.Msg.Nested`) of the types a file declares. */
function declaredTypes(file: FileDescriptor): string[] {
  const walk = (scope: string, m: MessageDescriptor): string[] => [
    `${scope}.${m.name}`,
    ...m.enumType.map((e) => `${scope}.${m.name}.${e.name}`),
    ...m.nestedType.flatMap((n) => walk(`${scope}.${m.name}`, n)),
  ];
  const scope = `.${file.package}`;
  return [
    ...file.enumType.map((e) => `${scope}.${e.name}`),
    ...file.messageType.flatMap((m) => walk(scope, m)),
  ];
}

/**
 * Field type references no file visible from the referring file declares. A relative name
 * resolves in the enclosing message, then each enclosing scope out to the root (protobuf's
 * scoping rules).
 */
function unresolvedTypeReferences(files: FileDescriptor[]): string[] {
  const declared = new Map(files.map((f) => [f.name, declaredTypes(f)]));
  return files.flatMap((file) => {
    const visible = new Set([file.name, ...file.dependency].flatMap((n) => declared.get(n) ?? []));
    const resolves = (type: string, scope: string): boolean => {
      if (type.startsWith('.')) return visible.has(type);
      for (let s = scope; ; s = s.slice(0, s.lastIndexOf('.'))) {
        if (visible.has(`${s}.${type}`)) return true;
        if (s === '') return false;
      }
    };
    const walk = (scope: string, m: MessageDescriptor): string[] => [
      ...m.field
        .map((f) => f.typeName ?? '')
        .filter((type) => type !== '' && !resolves(type, `${scope}.${m.name}`)),
      ...m.nestedType.flatMap((n) => walk(`${scope}.${m.name}`, n)),
    ];
    return file.messageType
      .flatMap((m) => walk(`.${file.package}`, m))
      .map((type) => `${file.name}: ${type}`);
  });
}

async function filesContainingSymbol(target: string, symbol: string): Promise<FileDescriptor[]> {
  const answer = (await askReflection(target, { file_containing_symbol: symbol })) as {
    file_descriptor_response?: { file_descriptor_proto: Buffer[] };
  };
  return (answer.file_descriptor_response?.file_descriptor_proto ?? []).map(
    (bytes) =>
      FileDescriptorProto.toObject(FileDescriptorProto.decode(bytes), {
        arrays: true,
      }) as FileDescriptor,
  );
}

async function listServicesByReflection(target: string): Promise<string[]> {
  const answer = (await askReflection(target, { list_services: '*' })) as {
    list_services_response?: { service: Array<{ name: string }> };
  };
  return answer.list_services_response?.service.map((s) => s.name) ?? [];
}

async function askReflection(target: string, request: object): Promise<object> {
  const protoFile = path.join(
    path.dirname(require.resolve('@grpc/reflection')),
    '../proto/grpc/reflection/v1/reflection.proto',
  );
  const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(protoFile, { keepCase: true })) as {
    grpc: { reflection: { v1: { ServerReflection: grpc.ServiceClientConstructor } } };
  } & grpc.GrpcObject;
  const reflection = new pkg.grpc.reflection.v1.ServerReflection(
    target,
    grpc.credentials.createInsecure(),
  ) as unknown as grpc.Client & { ServerReflectionInfo(): grpc.ClientDuplexStream<object, object> };
  try {
    return await new Promise<object>((resolve, reject) => {
      const stream = reflection.ServerReflectionInfo();
      stream.on('data', (res: object) => {
        resolve(res);
        stream.end();
      });
      stream.on('error', reject);
      stream.write(request);
    });
  } finally {
    reflection.close();
  }
}
