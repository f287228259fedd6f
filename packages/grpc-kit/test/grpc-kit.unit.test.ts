// Loopback gRPC only (a real server on 127.0.0.1:0 in this process), so it runs in the unit tier.
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { CONTACT_PROTO } from '@kith/contracts';
import type { ContactProtoGrpcType, contactV1 } from '@kith/contracts';
import { createLogger } from '@kith/logger';
import { withSpan } from '@kith/telemetry';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  callUnary,
  createClient,
  createGrpcServer,
  createTypedClient,
  ERROR_INFO_KEY,
  loadProto,
  readErrorInfo,
  readFieldErrors,
  StatusError,
  unaryHandler,
} from '../src';
import type { CallContext, GrpcServer } from '../src';

class FakeDomainError extends Error {}

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const logLines: Array<Record<string, unknown>> = [];
const logger = createLogger({
  service: 'grpc-kit-test',
  destination: new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  }),
});
const handlerOpts = {
  logger,
  mapError: (err: unknown) =>
    err instanceof FakeDomainError
      ? new StatusError(grpc.status.FAILED_PRECONDITION, err.message)
      : undefined,
};

const MERGED_INFO = { reason: 'CONTACT_MERGED', metadata: { survivorId: 'c-9 (ünïcode)' } };
const seen: { ctx?: CallContext; metadata?: grpc.Metadata } = {};
let updateCalls = 0;
let unavailableBeforeSuccess = 0;
let releaseSlowCall: () => void = () => undefined;

const fakeContactService: grpc.UntypedServiceImplementation = {
  CreateContact: (
    call: grpc.ServerUnaryCall<unknown, unknown>,
    callback: grpc.sendUnaryData<unknown>,
  ) => {
    seen.metadata = call.metadata;
    unaryHandler(async (_req, ctx) => {
      seen.ctx = ctx;
      return { contact: { id: 'c1', tenantId: ctx.tenantId, version: '1' } };
    }, handlerOpts)(call, callback);
  },
  GetContact: unaryHandler<contactV1.GetContactRequest__Output, contactV1.GetContactResponse>(
    async (req) => {
      if (req.id === 'missing') {
        throw new StatusError(grpc.status.NOT_FOUND, 'contact not found', [
          { field: 'id', message: 'no contact with this id (ünïcode)' },
        ]);
      }
      if (req.id === 'merged') {
        throw new StatusError(grpc.status.NOT_FOUND, 'contact merged', [], MERGED_INFO);
      }
      // What a failed call to another service rejects with: not a StatusError of ours.
      if (req.id === 'downstream') {
        throw new StatusError(
          grpc.status.NOT_FOUND,
          'not here',
          [{ field: 'id', message: 'gone' }],
          MERGED_INFO,
        ).toServiceError();
      }
      if (req.id === 'domain') throw new FakeDomainError('contact is merged');
      if (req.id === 'boom') throw new Error('driver said: secret connection string');
      if (req.id === 'slow') await new Promise<void>((resolve) => (releaseSlowCall = resolve));
      return { contact: { id: req.id } };
    },
    handlerOpts,
  ),
  UpdateContact: unaryHandler(async (req: contactV1.UpdateContactRequest__Output) => {
    updateCalls += 1;
    if (updateCalls <= unavailableBeforeSuccess) {
      throw new StatusError(grpc.status.UNAVAILABLE, 'try again');
    }
    if (req.id === 'absent') throw new StatusError(grpc.status.NOT_FOUND, 'contact not found');
    return { contact: { id: req.id, version: '2' } };
  }, handlerOpts),
};

const ctx: CallContext = {
  tenantId: 'tenant-a',
  userId: 'user-1',
  roles: ['fundraiser', 'analyst'],
  idempotencyKey: 'idem-1',
};

let server: GrpcServer;
let address: string;
let client: contactV1.ContactServiceClient;
let rawClient: contactV1.ContactServiceClient;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  const pkg = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
  const ContactService = pkg.kith.contact.v1.ContactService;
  server = createGrpcServer({
    logger,
    services: [
      {
        definition: ContactService.service,
        implementation: fakeContactService,
        name: 'kith.contact.v1.ContactService',
      },
    ],
    protoFiles: [CONTACT_PROTO],
  });
  const port = await server.start('127.0.0.1:0');
  address = `127.0.0.1:${port}`;
  client = createClient<contactV1.ContactServiceClient>(ContactService, address, {
    retry: { initialBackoffMs: 1, maxBackoffMs: 5 },
  });
  rawClient = new ContactService(address, grpc.credentials.createInsecure());
});

afterAll(async () => {
  releaseSlowCall();
  (client as unknown as grpc.Client).close();
  (rawClient as unknown as grpc.Client).close();
  await server.stop();
  await provider.shutdown();
  context.disable();
  trace.disable();
});

beforeEach(() => {
  exporter.reset();
  updateCalls = 0;
  unavailableBeforeSuccess = 0;
});

async function rejectionOf(promise: Promise<unknown>): Promise<grpc.ServiceError> {
  try {
    await promise;
  } catch (err) {
    return err as grpc.ServiceError;
  }
  throw new Error('expected the call to fail');
}

describe('a call through callUnary', () => {
  it('carries tenant, user, roles, idempotency key, deadline and traceparent to the handler', async () => {
    const clientTraceId = await withSpan('client', {}, async (span) => {
      await callUnary(client, 'createContact', { kind: 'CONTACT_KIND_PERSON' }, ctx);
      return span.spanContext().traceId;
    });

    expect(seen.ctx).toMatchObject({
      tenantId: 'tenant-a',
      userId: 'user-1',
      roles: ['fundraiser', 'analyst'],
      idempotencyKey: 'idem-1',
    });
    expect(seen.ctx?.deadline).toBeInstanceOf(Date);
    expect(seen.metadata?.get('traceparent')[0]).toMatch(
      new RegExp(`^00-${clientTraceId}-[0-9a-f]{16}-01$`),
    );
  });

  it('runs the handler in a server span that continues the caller trace', async () => {
    await withSpan('client', {}, () => callUnary(client, 'createContact', {}, ctx));

    const spans = exporter.getFinishedSpans();
    const clientSpan = spans.find((s) => s.name === 'client');
    const serverSpan = spans.find((s) => s.name === 'kith.contact.v1.ContactService/CreateContact');
    expect(serverSpan?.kind).toBe(SpanKind.SERVER);
    expect(serverSpan?.spanContext().traceId).toBe(clientSpan?.spanContext().traceId);
    expect(serverSpan?.parentSpanContext?.spanId).toBe(clientSpan?.spanContext().spanId);
  });

  it('returns the response decoded with the contract loader options', async () => {
    const res = await callUnary<contactV1.GetContactResponse__Output>(
      client,
      'getContact',
      { id: 'c42' },
      ctx,
    );

    expect(res.contact?.id).toBe('c42');
  });
});

describe('a typed client built from the service definition', () => {
  it('calls each method by its rpc name and answers the decoded response', async () => {
    const pkg = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
    const typed = createTypedClient(pkg.kith.contact.v1.ContactService, address);
    try {
      const res = await typed.GetContact({ id: 'c42' }, ctx);

      expect(res.contact?.id).toBe('c42');
      expect(seen.ctx).toMatchObject({ tenantId: 'tenant-a', idempotencyKey: 'idem-1' });
    } finally {
      typed.close();
    }
  });

  it('keeps the code and field errors of a failed call', async () => {
    const pkg = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
    const typed = createTypedClient(pkg.kith.contact.v1.ContactService, address, {
      defaults: { deadlineMs: 2000 },
    });
    try {
      const err = await rejectionOf(typed.GetContact({ id: 'missing' }, ctx));

      expect(err.code).toBe(grpc.status.NOT_FOUND);
      expect(readFieldErrors(err)).toEqual([
        { field: 'id', message: 'no contact with this id (ünïcode)' },
      ]);
    } finally {
      typed.close();
    }
  });
});

describe('errors', () => {
  it('round-trips a StatusError with its code, message and field errors', async () => {
    const err = await rejectionOf(callUnary(client, 'getContact', { id: 'missing' }, ctx));

    expect(err.code).toBe(grpc.status.NOT_FOUND);
    expect(err.details).toBe('contact not found');
    expect(readFieldErrors(err)).toEqual([
      { field: 'id', message: 'no contact with this id (ünïcode)' },
    ]);
  });

  it('round-trips a StatusError with its ErrorInfo', async () => {
    const err = await rejectionOf(callUnary(client, 'getContact', { id: 'merged' }, ctx));

    expect(err.code).toBe(grpc.status.NOT_FOUND);
    expect(readErrorInfo(err)).toEqual(MERGED_INFO);
    expect(readFieldErrors(err)).toEqual([]);
  });

  it("passes a failed downstream call's code, field errors and ErrorInfo on", async () => {
    const err = await rejectionOf(callUnary(client, 'getContact', { id: 'downstream' }, ctx));

    expect(err.code).toBe(grpc.status.NOT_FOUND);
    expect(err.details).toBe('not here');
    expect(readFieldErrors(err)).toEqual([{ field: 'id', message: 'gone' }]);
    expect(readErrorInfo(err)).toEqual(MERGED_INFO);
  });

  it("maps the service's own errors through mapError", async () => {
    const err = await rejectionOf(callUnary(client, 'getContact', { id: 'domain' }, ctx));

    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(err.details).toBe('contact is merged');
  });

  it('turns an unknown error into INTERNAL with a generic message and logs the cause', async () => {
    const err = await rejectionOf(callUnary(client, 'getContact', { id: 'boom' }, ctx));

    expect(err.code).toBe(grpc.status.INTERNAL);
    expect(err.details).toBe('internal error');
    expect(logLines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        rpc: '/kith.contact.v1.ContactService/GetContact',
        err: expect.objectContaining({ message: 'driver said: secret connection string' }),
      }),
    );
  });

  it('refuses a call without x-tenant-id as UNAUTHENTICATED', async () => {
    const err = await rejectionOf(
      new Promise((resolve, reject) =>
        rawClient.getContact({ id: 'c1' }, { deadline: Date.now() + 5000 }, (e, res) =>
          e ? reject(e) : resolve(res),
        ),
      ),
    );

    expect(err.code).toBe(grpc.status.UNAUTHENTICATED);
  });

  it('enforces the deadline on a call the server does not answer in time', async () => {
    const err = await rejectionOf(
      callUnary(client, 'getContact', { id: 'slow' }, ctx, { deadlineMs: 50 }),
    );
    releaseSlowCall();

    expect(err.code).toBe(grpc.status.DEADLINE_EXCEEDED);
  });

  it('uses the earlier deadline carried by the incoming context', async () => {
    const expired = { ...ctx, deadline: new Date(Date.now() - 1) };

    const err = await rejectionOf(callUnary(client, 'getContact', { id: 'c1' }, expired));

    expect(err.code).toBe(grpc.status.DEADLINE_EXCEEDED);
  });
});

describe('readErrorInfo', () => {
  function rejectedWith(trailer?: string): grpc.ServiceError {
    const metadata = new grpc.Metadata();
    if (trailer !== undefined) metadata.set(ERROR_INFO_KEY, trailer);
    return Object.assign(new Error('x'), { code: grpc.status.NOT_FOUND, details: 'x', metadata });
  }

  it('answers undefined without the trailer or when it is not an ErrorInfo', () => {
    expect(readErrorInfo(rejectedWith())).toBeUndefined();
    expect(readErrorInfo(rejectedWith('{not json'))).toBeUndefined();
    expect(readErrorInfo(rejectedWith('{"reason":1,"metadata":{}}'))).toBeUndefined();
    expect(readErrorInfo(rejectedWith('{"reason":"R"}'))).toBeUndefined();
  });

  it('keeps only the string metadata values', () => {
    const err = rejectedWith('{"reason":"R","metadata":{"a":"1","b":2,"c":null}}');

    expect(readErrorInfo(err)).toEqual({ reason: 'R', metadata: { a: '1' } });
  });
});

describe('retries', () => {
  it('retries UNAVAILABLE and succeeds on the third attempt', async () => {
    unavailableBeforeSuccess = 2;

    const res = await callUnary<contactV1.UpdateContactResponse__Output>(
      client,
      'updateContact',
      { id: 'c1' },
      ctx,
    );

    expect(res.contact?.version).toBe('2');
    expect(updateCalls).toBe(3);
  });

  it('gives up after the bounded number of attempts', async () => {
    unavailableBeforeSuccess = 100;

    const err = await rejectionOf(callUnary(client, 'updateContact', { id: 'c1' }, ctx));

    expect(err.code).toBe(grpc.status.UNAVAILABLE);
    expect(updateCalls).toBe(4);
  });

  it('does not retry other codes', async () => {
    const err = await rejectionOf(callUnary(client, 'updateContact', { id: 'absent' }, ctx));

    expect(err.code).toBe(grpc.status.NOT_FOUND);
    expect(updateCalls).toBe(1);
  });
});
