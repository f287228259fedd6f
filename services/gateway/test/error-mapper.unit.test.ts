import * as grpc from '@grpc/grpc-js';
import { z } from 'zod';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { IDEMPOTENCY_KEY_REUSED } from '@kith/idempotency';
import { listingFieldNames } from '../src/domain/field-path';
import { mapError, problemExtensions } from '../src/http/error-mapper';
import { GATEWAY_ERRORS, GatewayError } from '../src/http/problem';
import type { GatewayErrorCode } from '../src/http/problem';
import { grpcError } from './support/grpc-error';

const ctx = { instance: '/v1/contacts/c-1' };

describe('mapError: gRPC statuses', () => {
  // Every grpc.status, with the HTTP status and problem type the API promises.
  const table: Array<[keyof typeof grpc.status, number, string]> = [
    ['OK', 500, 'internal-error'],
    ['CANCELLED', 503, 'upstream-cancelled'],
    ['UNKNOWN', 500, 'internal-error'],
    ['INVALID_ARGUMENT', 400, 'validation-failed'],
    ['DEADLINE_EXCEEDED', 504, 'upstream-timeout'],
    ['NOT_FOUND', 404, 'not-found'],
    ['ALREADY_EXISTS', 409, 'already-exists'],
    ['PERMISSION_DENIED', 403, 'forbidden'],
    ['RESOURCE_EXHAUSTED', 429, 'rate-limited'],
    ['FAILED_PRECONDITION', 422, 'failed-precondition'],
    ['ABORTED', 409, 'version-conflict'],
    ['OUT_OF_RANGE', 400, 'out-of-range'],
    ['UNIMPLEMENTED', 501, 'internal-error'],
    ['INTERNAL', 500, 'internal-error'],
    ['UNAVAILABLE', 503, 'service-unavailable'],
    ['DATA_LOSS', 500, 'internal-error'],
    ['UNAUTHENTICATED', 401, 'unauthenticated'],
  ];

  it('covers every status grpc-js defines', () => {
    const names = Object.keys(grpc.status).filter((k) => Number.isNaN(Number(k)));
    expect(table.map(([name]) => name).sort()).toEqual(names.sort());
  });

  it.each(table)('maps %s to HTTP %i (%s)', (name, status, slug) => {
    const mapped = mapError(grpcError(grpc.status[name], 'secret upstream detail'), ctx);

    expect(mapped.problem.status).toBe(status);
    expect(mapped.problem.type).toBe(`urn:kith:problem:${slug}`);
    expect(mapped.problem.instance).toBe('/v1/contacts/c-1');
    if (status >= 500) expect(mapped.problem.detail).not.toContain('secret');
  });

  it('marks server-side failures as unexpected and client refusals as expected', () => {
    expect(mapError(grpcError(grpc.status.INTERNAL, 'x'), ctx).unexpected).toBe(true);
    expect(mapError(grpcError(grpc.status.NOT_FOUND, 'x'), ctx).unexpected).toBe(false);
  });

  it('passes the message of a client error through as detail', () => {
    const mapped = mapError(grpcError(grpc.status.ALREADY_EXISTS, 'email already used'), ctx);

    expect(mapped.problem.detail).toBe('email already used');
  });

  it('names the service field errors in REST terms for the resource kind', () => {
    const err = grpcError(grpc.status.INVALID_ARGUMENT, 'invalid', [
      { field: 'fields.person.first_name', message: 'too long' },
      { field: 'emails[1].address', message: 'not an email' },
    ]);

    const mapped = mapError(err, { ...ctx, kind: 'person' });

    expect(mapped.problem.errors).toEqual([
      { field: 'name.firstName', message: 'too long', in: 'body' },
      { field: 'emails[1].address', message: 'not an email', in: 'body' },
    ]);
  });

  it("names a listing's service fields as its query parameters and says the detail in REST terms", () => {
    const err = grpcError(grpc.status.INVALID_ARGUMENT, 'invalid contact: pageToken: bad', [
      { field: 'pageToken', message: 'is not a token we issued' },
      { field: 'cf.score.gte', message: 'is not a valid number value' },
    ]);

    const mapped = mapError(err, {
      ...ctx,
      kind: 'person',
      names: listingFieldNames('the duplicate list'),
    });

    expect(mapped.problem.errors).toEqual([
      {
        field: 'cursor',
        in: 'query',
        message:
          'is not a cursor of the duplicate list: send the nextCursor of one of its pages, or none to start',
      },
      { field: 'cf.score.gte', in: 'query', message: 'is not a valid number value' },
    ]);
    expect(mapped.problem.detail).toBe(
      `cursor: ${mapped.problem.errors[0]?.message}; cf.score.gte: is not a valid number value`,
    );
  });

  it('adds mergedInto to the not-found of a merged contact, from its ErrorInfo', () => {
    const err = grpcError(grpc.status.NOT_FOUND, 'contact c-1 was merged into c-2', [], {
      reason: 'CONTACT_MERGED',
      metadata: { survivorId: 'c-2' },
    });

    const mapped = mapError(err, ctx);

    expect(mapped.problem).toMatchObject({ status: 404, mergedInto: 'c-2' });
  });

  it('adds no member for a plain not-found, an unknown reason or a 5xx', () => {
    const unknown = { reason: 'SOMETHING_NEWER', metadata: { survivorId: 'c-2' } };
    const merged = { reason: 'CONTACT_MERGED', metadata: { survivorId: 'c-2' } };

    const problems = [
      grpcError(grpc.status.NOT_FOUND, 'x'),
      grpcError(grpc.status.NOT_FOUND, 'x', [], unknown),
      grpcError(grpc.status.UNAVAILABLE, 'x', [], merged),
      grpcError(grpc.status.INTERNAL, 'x', [], merged),
    ].map((err) => mapError(err, ctx).problem);

    for (const problem of problems) expect(problem).not.toHaveProperty('mergedInto');
  });

  it('asks for a retry after an UNAVAILABLE', () => {
    const mapped = mapError(grpcError(grpc.status.UNAVAILABLE, 'x'), ctx);

    expect(mapped.headers['Retry-After']).toBe('1');
  });

  it('asks for a retry of the same request after a 409 of a record busy with a merge', () => {
    const err = grpcError(grpc.status.ABORTED, 'contact c-1 is being merged', [], {
      reason: CONTACT_ERROR_REASONS.busy,
      metadata: {},
    });

    const mapped = mapError(err, ctx);

    expect(mapped.problem.status).toBe(409);
    expect(mapped.headers['Retry-After']).toBe('1');
  });

  it('answers a key the service holds for another request as the gateway’s own 422', () => {
    const err = grpcError(grpc.status.FAILED_PRECONDITION, 'key used for another request', [], {
      reason: IDEMPOTENCY_KEY_REUSED,
      metadata: {},
    });

    const mapped = mapError(err, ctx);

    expect(mapped.problem.status).toBe(422);
    expect(mapped.problem.type).toBe('urn:kith:problem:idempotency-key-reused');
  });

  it('asks for no retry after a plain version conflict (re-read first)', () => {
    const mapped = mapError(grpcError(grpc.status.ABORTED, 'stale'), ctx);

    expect(mapped.headers).toEqual({});
  });
});

describe('problemExtensions', () => {
  it('maps every reason a service sends to the members it adds', () => {
    const members = Object.values(CONTACT_ERROR_REASONS).map((reason) =>
      problemExtensions({ reason, metadata: { survivorId: 'c-2' } }),
    );

    expect(members).toEqual([{ mergedInto: 'c-2' }, {}]);
  });

  it('adds nothing when the metadata lacks the fact', () => {
    expect(problemExtensions({ reason: CONTACT_ERROR_REASONS.merged, metadata: {} })).toEqual({});
  });
});

describe("mapError: the gateway's own and framework errors", () => {
  it.each(Object.keys(GATEWAY_ERRORS) as GatewayErrorCode[])(
    'maps GatewayError %s to its fixed status and type',
    (code) => {
      const mapped = mapError(new GatewayError(code, 'detail'), ctx);

      expect(mapped.problem).toEqual({
        type: `urn:kith:problem:${code}`,
        title: GATEWAY_ERRORS[code].title,
        status: GATEWAY_ERRORS[code].status,
        detail: 'detail',
        instance: ctx.instance,
        errors: [],
      });
      expect(mapped.unexpected).toBe(false);
    },
  );

  it.each([
    ['entity.parse.failed', 400, 400, 'malformed-json'],
    ['entity.too.large', 413, 413, 'payload-too-large'],
    ['encoding.unsupported', 415, 415, 'unsupported-media-type'],
    ['charset.unsupported', 415, 415, 'unsupported-media-type'],
    ['request.aborted', 400, 400, 'bad-request'],
  ])('maps the body-parser error %s (status %i) to %i %s', (type, given, status, slug) => {
    const err = Object.assign(new Error('raw parser message'), { type, status: given });

    const mapped = mapError(err, ctx);

    expect(mapped.problem.status).toBe(status);
    expect(mapped.problem.type).toBe(`urn:kith:problem:${slug}`);
    expect(mapped.problem.detail).not.toContain('raw parser message');
  });

  it('maps a stray ZodError to 400 with field errors', () => {
    const result = z.object({ a: z.string() }).safeParse({ a: 1 });

    const mapped = mapError(result.error, ctx);

    expect(mapped.problem.status).toBe(400);
    expect(mapped.problem.errors).toEqual([expect.objectContaining({ field: 'a' })]);
  });

  it('maps anything else to a 500 that reveals nothing', () => {
    const mapped = mapError(new Error('connection string mongodb://user:pw@host'), ctx);

    expect(mapped.problem.status).toBe(500);
    expect(JSON.stringify(mapped.problem)).not.toContain('mongodb');
    expect(mapped.unexpected).toBe(true);
  });

  it('maps a thrown non-error value to a 500', () => {
    expect(mapError('boom', ctx).problem.status).toBe(500);
    expect(mapError(undefined, ctx).problem.status).toBe(500);
  });
});
