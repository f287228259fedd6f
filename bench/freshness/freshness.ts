// bench/freshness: how soon a gift shows on the dashboard. One gift at a time is POSTed through
// the gateway (transaction service → outbox relay → kith.transaction.v1 → the analytics
// service's live group → gift fact) while the dashboard is polled until its USD total includes
// it; the time from the POST to the first dashboard that shows it is one sample. The raw
// ceiling, in the same run on the same broker: a kafkajs produce → consume round trip, with
// kafkajs' default fetch (answered at the first byte) and with the fetch every Kith consumer
// uses (64 KiB or 200 ms, packages/bus ConsumerRunner; the analytics live group's wait is
// ANALYTICS_FACTS_FETCH_WAIT_MS, and the raw run uses the same). Reported as p50/p99 ratios;
// goal p99 ≤ 3× the raw round trip.
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run freshness
//   BENCH_GIFTS=200 BENCH_DONORS=20 BENCH_POLL_MS=5 ... to change the run;
//   ANALYTICS_FACTS_FETCH_WAIT_MS=10 for a live group that answers its fetches sooner.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { mintTestJwt } from '@kith/testkit';
import { getJson, request } from '../lib/http';
import { percentile } from '../lib/load';
import { describeRun, startStack } from '../lib/stack';

const gifts = Number(process.env.BENCH_GIFTS ?? 200);
const donorCount = Number(process.env.BENCH_DONORS ?? 20);
const pollMs = Number(process.env.BENCH_POLL_MS ?? 5);
const goal = 3;
/** The analytics live group's fetch wait (the stack's children read the same variable). */
const factsFetchWaitMs = Number(process.env.ANALYTICS_FACTS_FETCH_WAIT_MS ?? 200);

interface Dashboard {
  currencies: Array<{ raisedMinor: number; gifts: number }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function usdRaised(gatewayUrl: string, token: string): Promise<number> {
  const url = new URL('/v1/analytics/dashboard?fiscalYear=2026&currency=USD', gatewayUrl);
  const body = (await getJson(url, token)) as Dashboard;
  return body.currencies[0]?.raisedMinor ?? 0;
}

async function postGift(gatewayUrl: string, token: string, donorId: string, amountMinor: number) {
  const body = JSON.stringify({
    donorId,
    amount: { amountMinor, currency: 'USD' },
    receivedAt: '2026-03-15T09:00:00Z',
    paymentMethod: 'card',
  });
  const res = await request('POST', new URL('/v1/donations', gatewayUrl), token, body, {
    'idempotency-key': randomUUID(),
  });
  if (res.status !== 201) throw new Error(`POST /v1/donations answered ${res.status}: ${res.text}`);
}

/** Gift POST → the first dashboard read that includes it, one gift at a time. */
async function giftToDashboard(gatewayUrl: string, token: string, donors: string[]) {
  const samples: number[] = [];
  let expected = await usdRaised(gatewayUrl, token);
  for (let i = 0; i < gifts; i += 1) {
    const amount = 1000 + i;
    expected += amount;
    const t0 = process.hrtime.bigint();
    await postGift(gatewayUrl, token, donors[i % donors.length] as string, amount);
    for (;;) {
      const raised = await usdRaised(gatewayUrl, token);
      if (raised >= expected) break;
      await sleep(pollMs);
    }
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

/** Raw kafkajs produce → consume round trips on the same broker, one message at a time. */
async function rawRoundTrips(brokers: string[], fetch: 'default' | 'kith') {
  const kafka = new Kafka({ clientId: 'bench-freshness', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-freshness-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true });
  const consumer = kafka.consumer({
    groupId: `bench-freshness-${randomUUID()}`,
    ...(fetch === 'kith' ? { maxWaitTimeInMs: factsFetchWaitMs, minBytes: 64 * 1024 } : {}),
  });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const arrived = new Map<string, () => void>();
  await consumer.run({
    eachMessage: async ({ message }) => arrived.get(String(message.key))?.(),
  });
  const samples: number[] = [];
  try {
    for (let i = -20; i < gifts; i += 1) {
      const key = randomUUID();
      const seen = new Promise<void>((resolve) => arrived.set(key, resolve));
      const t0 = process.hrtime.bigint();
      await producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify({ i }) }] });
      await seen;
      if (i >= 0) samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      arrived.delete(key);
    }
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
  return samples.sort((a, b) => a - b);
}

async function createDonors(gatewayUrl: string, token: string): Promise<string[]> {
  const donors: string[] = [];
  for (let i = 0; i < donorCount; i += 1) {
    const body = JSON.stringify({ name: { firstName: `Donor${i}`, lastName: 'Fresh' } });
    const res = await request('POST', new URL('/v1/contacts', gatewayUrl), token, body);
    if (res.status !== 201) throw new Error(`POST /v1/contacts answered ${res.status}`);
    donors.push((JSON.parse(res.text) as { id: string }).id);
  }
  return donors;
}

const line = (label: string, s: number[]) =>
  `${label.padEnd(44)} p50 ${percentile(s, 50).toFixed(1)} ms  p99 ${percentile(s, 99).toFixed(1)} ms  (${s.length} samples)`;

async function main() {
  const stack = await startStack('bench-freshness');
  try {
    const token = mintTestJwt({ tenant: 'bench', roles: ['admin'] });
    const donors = await createDonors(stack.gatewayUrl, token);
    // Warm-up: a gift per donor, so every donor is in the transaction service's projection.
    for (const donor of donors) await postGift(stack.gatewayUrl, token, donor, 100);
    const rawDefault = await rawRoundTrips(stack.infra.kafkaBrokers, 'default');
    const rawKith = await rawRoundTrips(stack.infra.kafkaBrokers, 'kith');
    const api = await giftToDashboard(stack.gatewayUrl, token, donors);
    console.log(
      `freshness: ${gifts} gifts one at a time, poll every ${pollMs} ms, ${describeRun(stack)}`,
    );
    console.log(line('raw produce → consume (kafkajs default fetch)', rawDefault));
    console.log(line(`raw produce → consume (fetch 64 KiB/${factsFetchWaitMs} ms)`, rawKith));
    console.log(line('POST /v1/donations → dashboard shows it', api));
    for (const [name, raw] of [
      ['default fetch', rawDefault],
      ['Kith fetch', rawKith],
    ] as const) {
      const p50 = percentile(api, 50) / percentile(raw, 50);
      const p99 = percentile(api, 99) / percentile(raw, 99);
      const met = p99 <= goal ? 'MET' : 'NOT MET';
      console.log(
        `ratio vs raw (${name}): p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}× (goal p99 ≤ ${goal}×)  ${met}`,
      );
    }
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
