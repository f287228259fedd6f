// The gRPC client against a real (in-process) gRPC server speaking the contact proto: what
// metadata and deadline every call carries, and that failures keep code and field errors.
import * as grpc from '@grpc/grpc-js';
import { CONTACT_PROTO } from '@kith/contracts';
import type { ContactProtoGrpcType, contactV1 } from '@kith/contracts';
import { FIELD_ERRORS_KEY, loadProto } from '@kith/grpc-kit';
import { upstreamClient } from '../src/grpc/upstream-client';
import type { ContactClient } from '../src/modules/contact/contact.client';
import { mapError } from '../src/http/error-mapper';

interface Seen {
  metadata: Record<string, unknown>;
  deadline: grpc.Deadline;
  request: unknown;
}

const DEADLINE_MS = 1500;
const seen: Seen[] = [];
let respond: (callback: grpc.sendUnaryData<contactV1.GetContactResponse>) => void;
let server: grpc.Server;
let client: ContactClient;

const contact: contactV1.Contact = {
  id: 'c-1',
  tenantId: 'tenant-a',
  kind: 'CONTACT_KIND_PERSON',
  version: '7',
  fields: { person: { firstName: 'Ada' }, emails: [], phones: [], tags: [] },
  displayName: 'Ada',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

beforeAll(async () => {
  const proto = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
  server = new grpc.Server();
  const record = (call: grpc.ServerUnaryCall<unknown, unknown>) =>
    seen.push({
      metadata: call.metadata.getMap(),
      deadline: call.getDeadline(),
      request: call.request,
    });
  server.addService(proto.kith.contact.v1.ContactService.service, {
    GetContact: (
      call: grpc.ServerUnaryCall<unknown, unknown>,
      callback: grpc.sendUnaryData<contactV1.GetContactResponse>,
    ) => {
      record(call);
      respond(callback);
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  client = upstreamClient(proto.kith.contact.v1.ContactService, {
    address: `127.0.0.1:${port}`,
    deadlineMs: DEADLINE_MS,
  });
});

afterAll(() => {
  client.close();
  server.forceShutdown();
});

beforeEach(() => {
  seen.length = 0;
  respond = (callback) => callback(null, { contact });
});

const ctx = {
  tenantId: 'tenant-a',
  userId: 'user-1',
  roles: ['fundraiser', 'marketer'],
  idempotencyKey: 'key-1',
};

describe('the contact client (upstreamClient over ContactService)', () => {
  it('sends tenant, user, roles, idempotency key and a deadline with the call', async () => {
    const before = Date.now();

    const result = (await client.GetContact({ id: 'c-1' }, ctx)).contact;

    expect(result).toMatchObject({ id: 'c-1', version: '7', kind: 'CONTACT_KIND_PERSON' });
    expect(seen[0]?.request).toEqual({ id: 'c-1' });
    expect(seen[0]?.metadata).toMatchObject({
      'x-tenant-id': 'tenant-a',
      'x-user-id': 'user-1',
      'x-roles': 'fundraiser,marketer',
      'idempotency-key': 'key-1',
    });
    const deadline = Number(seen[0]?.deadline);
    expect(Number.isFinite(deadline)).toBe(true);
    expect(deadline).toBeGreaterThan(before);
    expect(deadline).toBeLessThanOrEqual(Date.now() + DEADLINE_MS);
  });

  it('rejects with the service error, keeping its code and field errors for the mapper', async () => {
    respond = (callback) => {
      const metadata = new grpc.Metadata();
      metadata.set(
        FIELD_ERRORS_KEY,
        JSON.stringify([{ field: 'person.first_name', message: 'too long' }]),
      );
      callback({ code: grpc.status.INVALID_ARGUMENT, details: 'invalid contact', metadata });
    };

    const error = await client.GetContact({ id: 'c-1' }, ctx).catch((err: unknown) => err);
    const mapped = mapError(error, { instance: '/v1/contacts/c-1', kind: 'person' });

    expect(mapped.problem).toMatchObject({
      status: 400,
      detail: 'name.firstName: too long',
      errors: [{ field: 'name.firstName', message: 'too long', in: 'body' }],
    });
  });

  it('turns a service that never answers into a 504 after the deadline', async () => {
    respond = () => undefined; // never calls back

    const error = await client.GetContact({ id: 'c-1' }, ctx).catch((err: unknown) => err);

    expect((error as grpc.ServiceError).code).toBe(grpc.status.DEADLINE_EXCEEDED);
    expect(mapError(error, { instance: '/' }).problem.status).toBe(504);
  });
});
