// Overload, end to end: a bounded burst of list requests from tenant A (200 requests, 50 in
// flight, loopback only) while tenant B makes ordinary calls. B must be served throughout, A
// must be refused with 429/503 and Retry-After rather than time out (504), and A must be
// served again shortly after its burst. The figures are printed for the record; timings are
// not asserted.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, waitFor } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

const BURST = 200;
const IN_FLIGHT = 50;

let stack: E2eStack;
const tenantA = `tenant-a-${randomBytes(3).toString('hex')}`;
const tenantB = `tenant-b-${randomBytes(3).toString('hex')}`;
const tokenA = mintTestJwt({ tenant: tenantA, roles: ['admin'] });
const tokenB = mintTestJwt({ tenant: tenantB, roles: ['admin'] });

beforeAll(async () => {
  // Small limits so a 200-request burst crosses them on a 2-core machine; the defaults are
  // the same mechanisms with more room.
  stack = await startE2eStack('e2e-overload', {
    GATEWAY_UPSTREAM_MAX_CONCURRENT: '16',
    GATEWAY_UPSTREAM_TENANT_SHARE: '8',
    GATEWAY_UPSTREAM_QUEUE: '16',
    GATEWAY_UPSTREAM_QUEUE_WAIT_MS: '100',
  });
  for (const token of [tokenA, tokenB]) {
    for (let i = 0; i < 5; i += 1) {
      const res = await call('POST', '/v1/contacts', token, { name: { firstName: `P${i}` } });
      expect(res.status).toBe(201);
    }
  }
});

afterAll(async () => {
  await stack?.stop();
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const started = performance.now();
  const res = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  await res.arrayBuffer();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    ms: performance.now() - started,
  };
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

test("tenant A's burst is shed with 429/503 while tenant B is served, and A recovers", async () => {
  const burst: Array<Awaited<ReturnType<typeof call>>> = [];
  let next = 0;
  let burstDone = false;
  const worker = async () => {
    while (next < BURST) {
      next += 1;
      burst.push(await call('GET', '/v1/contacts?limit=50', tokenA));
    }
  };
  const burstRun = Promise.all(Array.from({ length: IN_FLIGHT }, worker)).then(() => {
    burstDone = true;
  });
  const ordinary: Array<Awaited<ReturnType<typeof call>>> = [];
  // B: one call after another while A's burst runs (at least 20).
  while (!burstDone || ordinary.length < 20) {
    ordinary.push(await call('GET', '/v1/contacts?limit=10', tokenB));
  }
  await burstRun;
  const burstEnded = performance.now();
  const recovered = await waitFor(
    async () =>
      (await call('GET', '/v1/contacts?limit=10', tokenA)).status === 200 ? true : undefined,
    { timeoutMs: 30_000, intervalMs: 200, what: "tenant A's next list to succeed" },
  );
  const recoveryMs = performance.now() - burstEnded;

  const aStatuses = countBy(burst, (r) => String(r.status));
  const bStatuses = countBy(ordinary, (r) => String(r.status));
  const bMs = ordinary.map((r) => r.ms).sort((x, y) => x - y);
  console.log(
    JSON.stringify({
      burst: { requests: BURST, inFlight: IN_FLIGHT, statuses: aStatuses },
      tenantB: {
        requests: ordinary.length,
        statuses: bStatuses,
        p50Ms: Math.round(percentile(bMs, 50)),
        p99Ms: Math.round(percentile(bMs, 99)),
      },
      aServedAgainAfterMs: Math.round(recoveryMs),
    }),
  );

  expect(recovered).toBe(true);
  expect(Object.keys(bStatuses)).toEqual(['200']);
  expect(aStatuses['504']).toBeUndefined();
  const refused = burst.filter((r) => r.status === 429 || r.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((r) => r.retryAfter !== null)).toBe(true);
  // Nothing else but successes and refusals.
  expect(burst.length - refused.length).toBe(aStatuses['200'] ?? 0);
});
