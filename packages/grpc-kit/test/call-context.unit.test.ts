import * as grpc from '@grpc/grpc-js';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import {
  FIELD_ERRORS_KEY,
  metadataFromContext,
  readCallContext,
  readFieldErrors,
  StatusError,
} from '../src';

function metadataOf(entries: Record<string, string>): grpc.Metadata {
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(entries)) md.set(k, v);
  return md;
}

describe('readCallContext', () => {
  it('reads tenant, user, trimmed roles, idempotency key and a finite deadline', () => {
    const deadline = new Date('2030-01-01T00:00:00Z');

    const ctx = readCallContext(
      metadataOf({
        'x-tenant-id': 't1',
        'x-user-id': 'u1',
        'x-roles': 'admin, analyst,,',
        'idempotency-key': 'k1',
      }),
      deadline.getTime(),
    );

    expect(ctx).toEqual({
      tenantId: 't1',
      userId: 'u1',
      roles: ['admin', 'analyst'],
      idempotencyKey: 'k1',
      deadline,
    });
  });

  it('leaves the deadline out when the caller set none (Infinity)', () => {
    const ctx = readCallContext(metadataOf({ 'x-tenant-id': 't1' }), Infinity);

    expect(ctx).toEqual({ tenantId: 't1', userId: '', roles: [] });
  });

  it('throws UNAUTHENTICATED when x-tenant-id is missing', () => {
    expect(() => readCallContext(metadataOf({ 'x-user-id': 'u1' }))).toThrow(
      expect.objectContaining({ code: grpc.status.UNAUTHENTICATED }),
    );
  });
});

describe('metadataFromContext', () => {
  it('writes the context keys and the traceparent of the given trace context', () => {
    const traceCtx = trace.setSpanContext(context.active(), {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    });

    const md = metadataFromContext(
      { tenantId: 't1', userId: 'u1', roles: ['admin', 'readonly'], idempotencyKey: 'k1' },
      traceCtx,
    );

    expect(md.getMap()).toEqual({
      'x-tenant-id': 't1',
      'x-user-id': 'u1',
      'x-roles': 'admin,readonly',
      'idempotency-key': 'k1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
  });
});

describe('StatusError field errors', () => {
  it('survive the trip through trailing metadata, including non-ASCII text', () => {
    const fieldErrors = [{ field: 'person.firstName', message: 'must not be “empty”' }];
    const sent = new StatusError(grpc.status.INVALID_ARGUMENT, 'invalid', fieldErrors);

    const wire = sent.toServiceError();
    const received = Object.assign(new Error('x'), wire) as grpc.ServiceError;

    expect(wire.metadata?.get(FIELD_ERRORS_KEY)[0]).toMatch(/^[\x20-\x7e]+$/);
    expect(readFieldErrors(received)).toEqual(fieldErrors);
  });

  it('read as an empty list when the trailer is absent or not valid JSON', () => {
    const absent = Object.assign(new Error('x'), {
      code: 5,
      details: 'x',
      metadata: new grpc.Metadata(),
    });
    const garbled = Object.assign(new Error('x'), {
      code: 5,
      details: 'x',
      metadata: metadataOf({ [FIELD_ERRORS_KEY]: '{not json' }),
    });

    expect(readFieldErrors(absent)).toEqual([]);
    expect(readFieldErrors(garbled)).toEqual([]);
  });
});
