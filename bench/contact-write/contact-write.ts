// bench/contact-write: POST /v1/contacts through the gateway and the contact service
// versus the raw mongodb driver's insertOne into the same FerretDB (or MongoDB), at the
// same concurrency, in the same run. The raw ceiling is measured before and after the
// API run and averaged, so drift of the server during the run does not flatter either.
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run contact-write
//   BENCH_TOTAL=3000 BENCH_CONCURRENCY=16 ... to change the load.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { mintTestJwt, testDbName } from '@kith/testkit';
import { request } from '../lib/http';
import { reportWriteRatio, runClosedLoop, type LoadResult } from '../lib/load';
import { describeRun, startStack } from '../lib/stack';

const total = Number(process.env.BENCH_TOTAL ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const warmup = Number(process.env.BENCH_WARMUP ?? 200);
const goal = 0.5;

function person(i: number) {
  return {
    name: { firstName: `Jane${i}`, lastName: `Smith${i % 997}` },
    emails: [{ address: `jane${i}@example.org`, type: 'home', primary: true }],
    phones: [{ number: '+1 555 0100', type: 'mobile', primary: true }],
    tags: ['donor', 'newsletter'],
    source: 'bench',
  };
}

// What the raw insert writes: a document of the same size and shape as a stored contact.
function rawDocument(i: number) {
  const id = randomUUID();
  const now = new Date().toISOString();
  const body = person(i);
  return {
    _id: id,
    tenantId: 'bench',
    kind: 'person',
    version: 1,
    person: body.name,
    emails: body.emails,
    phones: body.phones.map((p) => ({ ...p, normalized: '+15550100' })),
    tags: body.tags,
    source: body.source,
    displayName: `${body.name.firstName} ${body.name.lastName}`,
    searchKeys: [body.name.firstName.toLowerCase(), body.name.lastName.toLowerCase()],
    emailKeys: [body.emails[0]!.address],
    createdAt: now,
    updatedAt: now,
    _outbox: [
      {
        seq: 1,
        topic: 'kith.contact.v1',
        key: id,
        event: {
          id: randomUUID(),
          type: 'kith.contact.created.v1',
          time: now,
          data: { contact: body },
        },
      },
    ],
  };
}

async function rawInserts(url: string, count: number): Promise<LoadResult> {
  const client = await MongoClient.connect(url);
  try {
    const collection = client.db(testDbName('bench-raw')).collection('contacts');
    return await runClosedLoop({
      total: count,
      concurrency,
      op: async (i) => {
        await collection.insertOne(rawDocument(i) as never);
      },
    });
  } finally {
    await client.close();
  }
}

async function apiCreates(
  gatewayUrl: string,
  token: string,
  count: number,
  offset: number,
): Promise<LoadResult> {
  const url = new URL('/v1/contacts', gatewayUrl);
  return runClosedLoop({
    total: count,
    concurrency,
    op: async (i) => {
      const res = await request('POST', url, token, JSON.stringify(person(offset + i)));
      if (res.status !== 201)
        throw new Error(`POST /v1/contacts answered ${res.status}: ${res.text}`);
    },
  });
}

async function main() {
  const stack = await startStack('bench-contact-write');
  try {
    const token = mintTestJwt({ tenant: 'bench', roles: ['admin'] });
    await apiCreates(stack.gatewayUrl, token, warmup, 1_000_000);
    await rawInserts(stack.infra.mongoUrl, warmup);

    const rawBefore = await rawInserts(stack.infra.mongoUrl, total);
    const api = await apiCreates(stack.gatewayUrl, token, total, 0);
    const rawAfter = await rawInserts(stack.infra.mongoUrl, total);
    reportWriteRatio({
      title: `contact-write: ${total} writes, concurrency ${concurrency}, ${describeRun(stack)}`,
      apiLabel: 'POST /v1/contacts (gateway+contact)',
      rawBefore,
      api,
      rawAfter,
      goal,
    });
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
