// bench/gift-write: POST /v1/donations (Idempotency-Key, as every client must send) through the
// gateway and the transaction service versus the raw mongodb driver's insertOne of a document
// of the same shape into the same database, at the same concurrency, in the same run. The raw
// ceiling is measured before and after the API run and averaged. The donors are people created
// through the API first, so every gift is checked against the transaction service's contact
// projection as in production.
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run gift-write
//   BENCH_TOTAL=3000 BENCH_CONCURRENCY=16 BENCH_DONORS=50 ... to change the load.
//   BENCH_COUNT_COMMANDS=1 to print the database commands each service sent per gift, and
//   BENCH_DB_PIDS=ferretdb=<pid>,postgres=<pid> for the servers' CPU per gift and per insert.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { mintTestJwt } from '@kith/testkit';
import { request } from '../lib/http';
import { reportWriteRatio, runClosedLoop, type LoadResult } from '../lib/load';
import {
  commandCounting,
  formatPhaseCosts,
  serverPids,
  startPhase,
  type PhaseCosts,
} from '../lib/phase-costs';
import { describeRun, startStack } from '../lib/stack';

const total = Number(process.env.BENCH_TOTAL ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const warmup = Number(process.env.BENCH_WARMUP ?? 200);
const donorCount = Number(process.env.BENCH_DONORS ?? 50);
const goal = 0.5;

function gift(donorId: string, i: number) {
  return {
    donorId,
    amount: { amountMinor: 1000 + (i % 50_000), currency: 'USD' },
    receivedAt: '2026-11-30T09:00:00Z',
    paymentMethod: 'card',
    fund: 'General',
    campaignId: 'spring-appeal',
    sourceCode: 'WEB26',
    externalReference: `ch_${i}`,
  };
}

// What the raw insert writes: a document of the same size and shape as a stored gift.
function rawDocument(donorId: string, i: number) {
  const id = randomUUID();
  const now = new Date().toISOString();
  const body = gift(donorId, i);
  return {
    _id: id,
    tenantId: 'bench',
    donorId,
    donorKind: 'person',
    amount: body.amount,
    receivedAt: '2026-11-30T09:00:00.000Z',
    paymentMethod: body.paymentMethod,
    paymentStatus: 'completed',
    status: 'completed',
    fund: body.fund,
    campaignId: body.campaignId,
    sourceCode: body.sourceCode,
    externalReference: body.externalReference,
    anonymous: false,
    softCredits: [],
    refunds: [],
    refundedMinor: 0,
    createdBy: 'bench-user',
    createdAt: now,
    updatedAt: now,
    version: 1,
    softCreditContactIds: [],
    _outboxLog: [{ version: 1, eventIds: [randomUUID()] }],
  };
}

async function rawInserts(url: string, dbName: string, donors: string[], count: number) {
  const client = await MongoClient.connect(url);
  try {
    const collection = client.db(dbName).collection('donations_raw');
    return await runClosedLoop({
      total: count,
      concurrency,
      op: async (i) => {
        await collection.insertOne(rawDocument(donors[i % donors.length]!, i) as never);
      },
    });
  } finally {
    await client.close();
  }
}

async function apiGifts(
  gatewayUrl: string,
  token: string,
  donors: string[],
  count: number,
  offset: number,
): Promise<LoadResult> {
  const url = new URL('/v1/donations', gatewayUrl);
  return runClosedLoop({
    total: count,
    concurrency,
    op: async (i) => {
      const body = JSON.stringify(gift(donors[i % donors.length]!, offset + i));
      const res = await request('POST', url, token, body, { 'idempotency-key': randomUUID() });
      if (res.status !== 201)
        throw new Error(`POST /v1/donations answered ${res.status}: ${res.text}`);
    },
  });
}

async function createDonors(gatewayUrl: string, token: string): Promise<string[]> {
  const url = new URL('/v1/contacts', gatewayUrl);
  const donors: string[] = [];
  for (let i = 0; i < donorCount; i += 1) {
    const body = JSON.stringify({ name: { firstName: `Donor${i}`, lastName: 'Bench' } });
    const res = await request('POST', url, token, body);
    if (res.status !== 201)
      throw new Error(`POST /v1/contacts answered ${res.status}: ${res.text}`);
    donors.push((JSON.parse(res.text) as { id: string }).id);
  }
  return donors;
}

/** Runs `phase`, and what it cost each process when asked for (BENCH_COUNT_COMMANDS, BENCH_DB_PIDS). */
async function measured(
  services: Record<string, number>,
  commandLogDir: string | undefined,
  phase: () => Promise<LoadResult>,
): Promise<{ result: LoadResult; costs: PhaseCosts }> {
  const costs = await startPhase({
    services,
    servers: serverPids(),
    ...(commandLogDir ? { commandLogDir } : {}),
  });
  const result = await phase();
  return { result, costs: await costs.end() };
}

async function main() {
  const counting = process.env.BENCH_COUNT_COMMANDS === '1' ? commandCounting() : undefined;
  if (counting) {
    const args = process.env.BENCH_SERVICE_NODE_ARGS ?? '';
    process.env.BENCH_SERVICE_NODE_ARGS = `${args} ${counting.nodeArgs}`;
    process.env.BENCH_COMMAND_LOG_DIR = counting.dir;
  }
  const stack = await startStack('bench-gift-write');
  try {
    const token = mintTestJwt({ tenant: 'bench', roles: ['admin'] });
    const dbName = stack.env.TRANSACTION_DB_NAME!;
    const donors = await createDonors(stack.gatewayUrl, token);
    // Warm-up: a gift per donor first, so the projection knows them all (a gift for a contact
    // not yet projected waits for it), then the rest of the warm-up at full concurrency.
    await apiGifts(stack.gatewayUrl, token, donors, donors.length, 2_000_000);
    await apiGifts(stack.gatewayUrl, token, donors, warmup, 1_000_000);
    await rawInserts(stack.infra.mongoUrl, dbName, donors, warmup);

    const raw = await measured({}, undefined, () =>
      rawInserts(stack.infra.mongoUrl, dbName, donors, total),
    );
    const rawBefore = raw.result;
    // All four: the contact and interaction services' own timers hit the same FerretDB.
    const services = stack.pids;
    const { result: api, costs } = await measured(services, counting?.dir, () =>
      apiGifts(stack.gatewayUrl, token, donors, total, 0),
    );
    const rawAfter = await rawInserts(stack.infra.mongoUrl, dbName, donors, total);
    reportWriteRatio({
      title: `gift-write: ${total} writes, concurrency ${concurrency}, ${describeRun(stack)}`,
      apiLabel: 'POST /v1/donations (gateway+transaction)',
      rawBefore,
      api,
      rawAfter,
      goal,
    });
    console.log(`per gift:\n${formatPhaseCosts(costs, api.ops)}`);
    if (Object.keys(raw.costs.cpuMs).length > 0)
      console.log(`per raw insert (before):\n${formatPhaseCosts(raw.costs, rawBefore.ops)}`);
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
