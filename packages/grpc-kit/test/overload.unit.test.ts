// Loopback gRPC only: the call budget reaching a handler, the server's admission limit and the
// client-side bulkhead, against a real server on 127.0.0.1:0.
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { CONTACT_PROTO } from '@kith/contracts';
import type { ContactProtoGrpcType } from '@kith/contracts';
import { createLogger } from '@kith/logger';
import {
  assertBudgetLeft,
  Bulkhead,
  BulkheadRejectedError,
  budgetExhaustion,
  remainingMs,
} from '@kith/resilience';
import {
  callUnary,
  createClient,
  createGrpcServer,
  loadProto,
  OVERLOAD_REASONS,
  readErrorInfo,
  unaryHandler,
} from '../src';
import type { CallContext, GrpcServer } from '../src';

const logger = createLogger({
  service: 'grpc-kit-test',
  destination: new Writable({ write: (_c, _e, cb) => cb() }),
});
const handlerOpts = { logger, mapError: () => undefined };
const seen: { remaining?: number; afterCancel?: string } = {};
const blocked: Array<() => void> = [];
/** Lets the oldest blocked GetContact finish. */
const release = (): void => blocked.shift()?.();
/** Waits until `n` GetContact calls are blocked in the handler. */
async function blockedCalls(n: number): Promise<void> {
  while (blocked.length < n) await new Promise((r) => setTimeout(r, 5));
}
let cancelledSeen: () => void = () => undefined;

const implementation: grpc.UntypedServiceImplementation = {
  // Blocks until the test releases it: holds its admission slot meanwhile.
  GetContact: unaryHandler(async (_req, ctx) => {
    seen.remaining = remainingMs();
    await new Promise<void>((resolve) => blocked.push(resolve));
    return { contact: { id: 'c1', tenantId: ctx.tenantId, version: '1' } };
  }, handlerOpts),
  // Waits until its caller cancelled, then tries to start a write.
  DeleteContact: unaryHandler(async () => {
    while (!budgetExhaustion()) await new Promise((r) => setTimeout(r, 5));
    try {
      assertBudgetLeft('write');
      seen.afterCancel = 'write started';
    } catch (err) {
      seen.afterCancel = (err as { reason: string }).reason;
    }
    cancelledSeen();
    return {};
  }, handlerOpts),
};

let server: GrpcServer;
let client: grpc.Client;
const ctxOf = (tenantId: string): CallContext => ({ tenantId, userId: 'u', roles: [] });
const get = (tenantId: string, opts = {}) =>
  callUnary(client, 'getContact', { id: 'c1' }, ctxOf(tenantId), { deadlineMs: 3000, ...opts });

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
    admission: new Bulkhead({
      name: 'contact',
      maxConcurrent: 2,
      maxPerKey: 1,
      maxQueue: 0,
      maxWaitMs: 10,
    }),
  });
  const port = await server.start('127.0.0.1:0');
  client = createClient<grpc.Client>(pkg.kith.contact.v1.ContactService, `127.0.0.1:${port}`);
});

afterAll(async () => {
  client.close();
  await server.stop();
});

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  );
}

describe('overload handling', () => {
  it("gives the handler the caller's remaining deadline as its budget", async () => {
    const call = get('t-budget');
    await blockedCalls(1);
    release();
    await call;
    expect(seen.remaining).toBeGreaterThan(2000);
    expect(seen.remaining).toBeLessThanOrEqual(3000);
  });

  it('refuses a tenant over its share of server slots while another tenant is served', async () => {
    const held = get('t-a');
    await blockedCalls(1);
    const refused = (await failure(get('t-a'))) as grpc.ServiceError;
    expect(refused.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(readErrorInfo(refused)?.reason).toBe(OVERLOAD_REASONS['key-share']);
    const other = get('t-b');
    await blockedCalls(2);
    release();
    release();
    await Promise.all([held, other]);
  });

  it('refuses to start writes once the caller cancelled', async () => {
    const abort = new AbortController();
    const done = new Promise<void>((resolve) => (cancelledSeen = resolve));
    const call = callUnary(client, 'deleteContact', { id: 'c1' }, ctxOf('t-c'), {
      signal: abort.signal,
    });
    await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    expect(((await failure(call)) as grpc.ServiceError).code).toBe(grpc.status.CANCELLED);
    await done;
    expect(seen.afterCancel).toBe('cancelled');
  });

  it("refuses a call at the client's bulkhead without reaching the server", async () => {
    const bulkhead = new Bulkhead({
      name: 'contact',
      maxConcurrent: 4,
      maxPerKey: 1,
      maxQueue: 0,
      maxWaitMs: 10,
    });
    const held = get('t-d', { bulkhead });
    await blockedCalls(1);
    const refused = await failure(get('t-d', { bulkhead }));
    expect(refused).toBeInstanceOf(BulkheadRejectedError);
    expect(bulkhead.stats().active).toBe(1);
    release();
    await held;
    expect(bulkhead.stats().active).toBe(0);
  });
});
