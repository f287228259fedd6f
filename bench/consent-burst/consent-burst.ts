// bench/consent-burst: BENCH_BURST (30) consent POSTs at once for one contact, without an
// Idempotency-Key, BENCH_ROUNDS (3) times, each round on a fresh contact. Reports each
// round's statuses, latency and how many records the contact kept. Bounded: every request
// gives up after 15 s. Not a ratio benchmark: it answers "do all of them succeed inside the
// gateway's deadline, each stored once" (docs/architecture.md, "Consent under concurrency").
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run consent-burst
import { mintTestJwt } from '@kith/testkit';
import { startStack } from '../lib/stack';

const burst = Number(process.env.BENCH_BURST ?? 30);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const token = mintTestJwt({ tenant: 'bench-consent', sub: 'bench', roles: ['fundraiser'] });

async function call(url: string, method: string, body?: unknown) {
  const started = performance.now();
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, ms: performance.now() - started, json };
}

async function round(base: string, n: number): Promise<void> {
  const created = await call(`${base}/v1/contacts`, 'POST', { name: { firstName: `Burst${n}` } });
  const consents = `${base}/v1/contacts/${String(created.json.id)}/consents`;
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: burst }, (_, i) =>
      call(consents, 'POST', { channel: 'email', status: 'opted_in', source: `burst-${i}` }),
    ),
  );
  const wall = performance.now() - started;
  const history = (await call(consents, 'GET')).json.history as unknown[];
  const statuses: Record<number, number> = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!);
  console.log(
    `round ${n}: ${JSON.stringify(statuses)} in ${Math.round(wall)} ms wall; ` +
      `latency p50 ${at(0.5)} / max ${at(1)} ms; records kept ${history.length}/${burst}`,
  );
}

async function main(): Promise<void> {
  const stack = await startStack('bench-consent-burst');
  try {
    for (let n = 1; n <= rounds; n++) await round(stack.gatewayUrl, n);
  } finally {
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
