// Loopback gRPC only: the contact client's list calls take slots of the scan pool, not of the
// pool point reads and writes use, against a real server on 127.0.0.1:0.
import { Writable } from 'node:stream';
import type * as grpc from '@grpc/grpc-js';
import { CONTACT_PROTO } from '@kith/contracts';
import type { ContactProtoGrpcType } from '@kith/contracts';
import { createGrpcServer, loadProto, unaryHandler } from '@kith/grpc-kit';
import type { GrpcServer } from '@kith/grpc-kit';
import { createLogger } from '@kith/logger';
import { Bulkhead, BulkheadRejectedError } from '@kith/resilience';
import { contactServiceClient } from '../src/modules/contact/contact.client';
import type { RequestContext } from '../src/grpc/upstream-call';

const logger = createLogger({
  service: 'gateway-test',
  destination: new Writable({ write: (_c, _e, cb) => cb() }),
});
const handlerOpts = { logger, mapError: () => undefined };
const blockedLists: Array<() => void> = [];

const implementation: grpc.UntypedServiceImplementation = {
  // A list page holds its slot until the test lets it go, as a slow scan does.
  ListContacts: unaryHandler(async () => {
    await new Promise<void>((resolve) => blockedLists.push(resolve));
    return { contacts: [], nextPageToken: '' };
  }, handlerOpts),
  GetContact: unaryHandler(
    async (_req, ctx) => ({ contact: { id: 'c1', tenantId: ctx.tenantId, version: '1' } }),
    handlerOpts,
  ),
};

let server: GrpcServer;
let address: string;
const ctx: RequestContext = { tenantId: 'tenant-a', userId: 'u', roles: ['admin'] };
const pool = (name: string, maxPerKey: number) =>
  new Bulkhead({ name, maxConcurrent: 8, maxPerKey, maxQueue: 8, maxWaitMs: 50 });

beforeAll(async () => {
  const pkg = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
  server = createGrpcServer({
    logger,
    services: [
      {
        definition: pkg.kith.contact.v1.ContactService.service,
        implementation,
        name: 'kith.contact.v1.ContactService',
      },
    ],
    protoFiles: [CONTACT_PROTO],
  });
  address = `127.0.0.1:${await server.start('127.0.0.1:0')}`;
});

afterAll(() => server.stop());

async function listsBlocked(n: number): Promise<void> {
  while (blockedLists.length < n) await new Promise((r) => setTimeout(r, 5));
}

describe('the contact client with a scan pool', () => {
  it("refuses a tenant's list over its scan share while its point reads still go through", async () => {
    const client = contactServiceClient({
      upstream: {
        address,
        deadlineMs: 3000,
        bulkhead: pool('contact', 8),
        scanBulkhead: pool('contact-scans', 1),
      },
      bulkDeadlineMs: 3000,
    });
    const { contacts } = client;
    try {
      const first = contacts.ListContacts({ pageSize: 10 }, ctx);
      await listsBlocked(1);

      const second = contacts.ListContacts({ pageSize: 10 }, ctx).catch((err: unknown) => err);
      const read = await contacts.GetContact({ id: 'c1' }, ctx);
      const refused = await second;
      blockedLists.splice(0).forEach((release) => release());
      await first;

      expect(read.contact?.id).toBe('c1');
      expect(refused).toBeInstanceOf(BulkheadRejectedError);
      expect(refused).toMatchObject({ bulkhead: 'contact-scans', reason: 'key-share' });
    } finally {
      blockedLists.splice(0).forEach((release) => release());
      client.close();
    }
  });
});
