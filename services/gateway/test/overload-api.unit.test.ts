// What the gateway answers under load: rate limits (429 + RateLimit headers), refusals of a
// bulkhead or of the service's admission limit (429/503 + Retry-After), and /readyz.
import * as grpc from '@grpc/grpc-js';
import { OVERLOAD_REASONS } from '@kith/grpc-kit';
import { Bulkhead, BulkheadRejectedError } from '@kith/resilience';
import request from 'supertest';
import type { RateLimitPolicies } from '../src/http/rate-limit.middleware';
import { grpcError } from './support/grpc-error';
import { bearer, buildTestApp } from './support/test-app';

const limits: RateLimitPolicies = {
  address: { name: 'address', ratePerSecond: 0.01, burst: 2 },
  tenant: { name: 'tenant', ratePerSecond: 0.01, burst: 3 },
  user: { name: 'user', ratePerSecond: 0.01, burst: 2 },
};

describe('rate limits', () => {
  it("answers 429 problem+json with RateLimit and Retry-After once a user's bucket is empty", async () => {
    const { app } = buildTestApp({ rateLimits: limits });
    const ada = bearer({ sub: 'ada' });
    const first = await request(app).get('/v1/contacts').set('Authorization', ada);
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-policy']).toBe('"tenant";q=3;w=300, "user";q=2;w=200');
    expect(first.headers.ratelimit).toMatch(/^"tenant";r=2;t=\d+, "user";r=1;t=\d+$/);
    await request(app).get('/v1/contacts').set('Authorization', ada).expect(200);
    const refused = await request(app).get('/v1/contacts').set('Authorization', ada);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'urn:kith:problem:rate-limited', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers.ratelimit).toMatch(/"user";r=0/);
    // Another user of the tenant still has the tenant's last token; then the tenant is out.
    const bob = bearer({ sub: 'bob' });
    await request(app).get('/v1/contacts').set('Authorization', bob).expect(200);
    await request(app).get('/v1/contacts').set('Authorization', bob).expect(429);
    // Another tenant is not affected.
    await request(app)
      .get('/v1/contacts')
      .set('Authorization', bearer({ tenant: 'tenant-b' }))
      .expect(200);
  });

  it('refuses an address whose requests keep failing authentication before verifying again', async () => {
    const { app } = buildTestApp({ rateLimits: limits });
    const forged = 'Bearer not.a.token';
    await request(app).get('/v1/contacts').set('Authorization', forged).expect(401);
    await request(app).get('/v1/contacts').expect(401);
    const refused = await request(app).get('/v1/contacts').set('Authorization', forged);
    // 429, not 401: the token was never looked at.
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.headers['ratelimit-policy']).toBe('"address";q=2;w=200');
  });

  it('does not spend the address bucket on requests that authenticate', async () => {
    const { app } = buildTestApp({
      rateLimits: {
        ...limits,
        tenant: { ...limits.tenant, burst: 10 },
        user: { ...limits.user, burst: 10 },
      },
    });
    for (let i = 0; i < 4; i += 1) {
      await request(app).get('/v1/contacts').set('Authorization', bearer()).expect(200);
    }
  });
});

describe('refused for load', () => {
  it.each([
    [
      'our bulkhead, tenant share',
      new BulkheadRejectedError('contact', 'key-share', 1),
      429,
      'tenant-over-share',
      '1',
    ],
    [
      'our bulkhead, saturated',
      new BulkheadRejectedError('contact', 'saturated', 2),
      503,
      'overloaded',
      '2',
    ],
    [
      "the service's admission limit",
      grpcError(grpc.status.RESOURCE_EXHAUSTED, 'busy', [], {
        reason: OVERLOAD_REASONS.saturated,
        metadata: { retryAfterSeconds: '1' },
      }),
      503,
      'overloaded',
      '1',
    ],
  ])(
    'maps a refusal by %s to its status with Retry-After',
    async (_what, err, status, slug, retryAfter) => {
      const { app, contacts } = buildTestApp();
      contacts.failNext = err;
      const res = await request(app).get('/v1/contacts').set('Authorization', bearer());
      expect(res.status).toBe(status);
      expect(res.headers['retry-after']).toBe(retryAfter);
      expect(res.body).toMatchObject({ type: `urn:kith:problem:${slug}`, status });
    },
  );
});

describe('/readyz under load', () => {
  it('answers 503 while a bulkhead sheds calls for lack of slots; /healthz stays 200', async () => {
    const bulkhead = new Bulkhead({
      name: 'contact',
      maxConcurrent: 1,
      maxPerKey: 1,
      maxQueue: 0,
      maxWaitMs: 10,
    });
    const { app } = buildTestApp({
      readiness: [
        { name: 'contact-capacity', check: () => Promise.resolve(!bulkhead.saturated()) },
      ],
    });
    await request(app).get('/readyz').expect(200);
    let release = (): void => undefined;
    const held = bulkhead.run('a', () => new Promise<void>((r) => (release = r)));
    await expect(bulkhead.run('b', () => Promise.resolve())).rejects.toThrow(BulkheadRejectedError);
    const busy = await request(app).get('/readyz');
    expect(busy.status).toBe(503);
    expect(busy.body).toMatchObject({ status: 'not-ready', down: ['contact-capacity'] });
    await request(app).get('/healthz').expect(200);
    release();
    await held;
  });

  it('counts a dependency slower than the readiness budget as down', async () => {
    const { app } = buildTestApp({
      readiness: [
        { name: 'mongo', check: () => new Promise((r) => setTimeout(() => r(true), 3000)) },
      ],
    });
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.down).toEqual(['mongo']);
  });
});

describe('the OpenAPI document', () => {
  it('lists 429 and 503 with Retry-After on every /v1 operation', async () => {
    const { app } = buildTestApp();
    const doc = (await request(app).get('/v1/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
    };
    // Probes, metrics and the document itself are outside the limits.
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/') && path !== '/v1/openapi.json')
      .flatMap(([, ops]) => Object.values(ops));
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) {
      expect(op.responses['429']?.headers).toHaveProperty('Retry-After');
      expect(op.responses['503']?.headers).toHaveProperty('Retry-After');
    }
  });
});
