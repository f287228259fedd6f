// Loopback gRPC only (a real server on 127.0.0.1:0 in this process), so it runs in the unit tier.
import path from 'node:path';
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { CONTACT_PROTO } from '@kith/contracts';
import type { ContactProtoGrpcType } from '@kith/contracts';
import { createLogger } from '@kith/logger';
import { checkHealth, createGrpcServer, loadProto } from '../src';
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

async function listServicesByReflection(target: string): Promise<string[]> {
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
    return await new Promise<string[]>((resolve, reject) => {
      const stream = reflection.ServerReflectionInfo();
      stream.on(
        'data',
        (res: { list_services_response?: { service: Array<{ name: string }> } }) => {
          resolve(res.list_services_response?.service.map((s) => s.name) ?? []);
          stream.end();
        },
      );
      stream.on('error', reject);
      stream.write({ list_services: '*' });
    });
  } finally {
    reflection.close();
  }
}
