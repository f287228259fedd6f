// bench/stack-rss: resident memory (RSS, `ps -o rss= -p <pid>`) of each process of the stack
// (gateway, contact, interaction, transaction; each its own node process, started from the
// built dist as `npm start` does) at idle after start, and at idle again after the issue's
// end-to-end scenario has run BENCH_ROUNDS times, BENCH_CONCURRENCY at once: two people in a
// household, a gift with its automatic soft credit, a mail about it, a partial refund, a
// duplicate who gave and was called merged in, the timelines and giving read, then an erasure.
// Goal: at most 150 MB each at idle. No ratio: memory has no raw ceiling to compare with.
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run stack-rss
//   BENCH_ROUNDS=40 BENCH_CONCURRENCY=4 BENCH_IDLE_S=20 ... to change it.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { mintTestJwt, waitFor } from '@kith/testkit';
import { runClosedLoop } from '../lib/load';
import { describeRun, startStack, type BenchStack } from '../lib/stack';

const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const idleMs = Number(process.env.BENCH_IDLE_S ?? 20) * 1000;
const GOAL_MB = 150;

/** Resident set size of a process, in MB (ps reports KiB). */
function rssMb(pid: number): number {
  const kib = Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
      .toString()
      .trim(),
  );
  return kib / 1024;
}

const rssOf = (stack: BenchStack) =>
  Object.fromEntries(Object.entries(stack.pids).map(([name, pid]) => [name, rssMb(pid)]));

type Api = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: Record<string, unknown> }>;

function apiOf(baseUrl: string, token: string): Api {
  return async (method, path, body, headers = {}) => {
    const raw = typeof body === 'string';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': raw ? 'message/rfc822' : 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: raw ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

function expectStatus(answer: { status: number; body: unknown }, status: number, what: string) {
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** The operations-layer end-to-end scenario (services/gateway/test/operations-layer.e2e.test.ts). */
async function scenario(api: Api, mongo: MongoClient, transactionDb: string): Promise<void> {
  const tag = randomBytes(4).toString('hex');
  const person = async (first: string) => {
    const res = await api('POST', '/v1/contacts', {
      name: { firstName: `${first}${tag}`, lastName: `Oakhurst${tag}` },
      emails: [{ address: `${first.toLowerCase()}.${tag}@example.org` }],
    });
    expectStatus(res, 201, 'create contact');
    return res.body.id as string;
  };
  const live = (id: string) =>
    waitFor(async () => (await api('GET', `/v1/contacts/${id}/timeline`)).status === 200, {
      what: `timeline of ${id}`,
    });
  const give = async (donorId: string, amountMinor: number) => {
    const res = await api(
      'POST',
      '/v1/donations',
      {
        donorId,
        amount: { amountMinor, currency: 'USD' },
        receivedAt: '2025-11-30T09:00:00Z',
        paymentMethod: 'card',
        fund: 'Roof appeal',
      },
      { 'idempotency-key': randomUUID() },
    );
    expectStatus(res, 201, 'gift');
    return res.body;
  };
  const entries = async (id: string) =>
    ((await api('GET', `/v1/contacts/${id}/timeline`)).body.data ?? []) as unknown[];

  const jane = await person('Jane');
  const john = await person('John');
  const household = (await api('POST', '/v1/households')).body.id as string;
  expectStatus(
    await api(
      'POST',
      `/v1/households/${household}/members`,
      { contactId: jane },
      { 'if-match': '"1"' },
    ),
    200,
    'join',
  );
  expectStatus(
    await api(
      'POST',
      `/v1/households/${household}/members`,
      { contactId: john },
      { 'if-match': '"2"' },
    ),
    200,
    'join',
  );
  // Soft credits go to the members the transaction service knows as live current members:
  // contacts and households reach its projection on different partitions, in either order.
  const projection = mongo.db(transactionDb);
  await waitFor(
    async () =>
      (await projection
        .collection('contact_projection_households')
        .countDocuments({ householdId: household, current: true })) === 2 &&
      (await projection
        .collection('contact_projection')
        .countDocuments({ contactId: { $in: [jane, john] }, status: 'active' })) >= 2,
    { what: 'the household and its members in the transaction projection' },
  );
  await live(jane);
  await live(john);
  const given = await give(jane, 15000);
  if ((given.softCredits as unknown[]).length !== 1) {
    throw new Error("the gift has no soft credit for Jane's household member");
  }
  const gift = given.id as string;
  const mail = [
    `From: Jane${tag} Oakhurst${tag} <jane.${tag}@example.org>`,
    'To: office@charity.example',
    'Subject: About my gift',
    `Message-ID: <${tag}@mail.example>`,
    'Date: Tue, 02 Dec 2025 08:00:00 +0000',
    '',
    'Thank you.',
    '',
  ].join('\r\n');
  expectStatus(await api('POST', '/v1/interactions/mail', mail), 201, 'mail');
  expectStatus(
    await api(
      'POST',
      `/v1/donations/${gift}/refunds`,
      { amountMinor: 5000 },
      {
        'idempotency-key': randomUUID(),
      },
    ),
    201,
    'refund',
  );
  await waitFor(async () => (await entries(jane)).length === 3, { what: "jane's 3 entries" });
  await waitFor(async () => (await entries(john)).length === 1, { what: "john's soft credit" });
  const janet = await person('Janet');
  await live(janet);
  await give(janet, 2000);
  expectStatus(
    await api(
      'POST',
      '/v1/interactions',
      { type: 'call', occurredAt: '2025-10-16T10:00:00Z', participantContactIds: [janet] },
      { 'idempotency-key': randomUUID() },
    ),
    201,
    'call',
  );
  expectStatus(await api('POST', `/v1/contacts/${jane}/merge`, { victimId: janet }), 200, 'merge');
  await waitFor(async () => (await entries(jane)).length === 5, {
    what: "janet's history on jane",
  });
  expectStatus(await api('GET', `/v1/contacts/${jane}/giving`), 200, 'giving');
  expectStatus(await api('POST', `/v1/contacts/${jane}/erase`), 200, 'erase');
}

async function main(): Promise<void> {
  const stack = await startStack('stack-rss');
  const mongo = await MongoClient.connect(stack.infra.mongoUrl);
  try {
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const idle = rssOf(stack);
    const api = apiOf(
      stack.gatewayUrl,
      mintTestJwt({ tenant: `rss-${randomBytes(3).toString('hex')}`, roles: ['admin'] }),
    );
    const started = Date.now();
    const load = await runClosedLoop({
      total: rounds,
      concurrency,
      op: () => scenario(api, mongo, stack.env.TRANSACTION_DB_NAME ?? ''),
    });
    const busySeconds = (Date.now() - started) / 1000;
    const afterLoad = rssOf(stack);
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const idleAfter = rssOf(stack);
    console.log(`stack-rss: ${describeRun(stack)}`);
    console.log(
      `${rounds} rounds of the scenario, ${concurrency} at once, in ${busySeconds.toFixed(1)} s ` +
        `(${load.errors} failed); idle waits ${idleMs / 1000} s`,
    );
    console.log('| process | idle after start | right after the rounds | idle after the rounds |');
    console.log('| --- | --- | --- | --- |');
    for (const name of Object.keys(stack.pids)) {
      const mb = (v: Record<string, number>) => `${(v[name] ?? 0).toFixed(0)} MB`;
      console.log(`| ${name} | ${mb(idle)} | ${mb(afterLoad)} | ${mb(idleAfter)} |`);
    }
    const over = Object.entries(idle).filter(([, mb]) => mb > GOAL_MB);
    console.log(
      over.length === 0
        ? `every process at most ${GOAL_MB} MB at idle after start (goal met)`
        : `over ${GOAL_MB} MB at idle: ${over.map(([n]) => n).join(', ')}`,
    );
  } finally {
    await mongo.close();
    await stack.stop();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
