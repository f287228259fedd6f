// bench/contact-read: reads through the gateway and the contact service versus the raw
// mongodb driver sending the same query to the same collection, in the same run, with
// BENCH_CONTACTS (100k) contacts in it: BENCH_TENANTS (10) tenants of equal size plus one
// small tenant of SMALL_TENANT_SIZE; one in TAG_EVERY carries the tag filtered on. Measured, each raw before and after the API and averaged:
//  - GET /v1/contacts/{id}            vs findOne({ _id, tenantId })
//  - a page filtered by tag           vs find(the service's filter + tags).sort(_id).limit
//  - the unfiltered first page of a big tenant, and of the small one, vs the same queries the
//    service sends (its list bucket directory, then the first bucket: store/contact-list.reader.ts)
//  - a search page (`?search=`) vs the same prefix equality
// Seeding (raw insertMany in the service's document shape, list buckets of LIST_BUCKET_SIZE
// with their directory entries) is not measured.
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run contact-read
import { randomUUID } from 'node:crypto';
import { MongoClient, type Collection } from 'mongodb';
import { mintTestJwt } from '@kith/testkit';
// The service's own derivation, so the seed stores what the service would.
import { deriveSearchPrefixes } from '../../services/contact/src/domain/contact-search';
import { getJson } from '../lib/http';
import { formatResult, runClosedLoop, type LoadResult } from '../lib/load';
import { describeRun, startStack } from '../lib/stack';

const contacts = Number(process.env.BENCH_CONTACTS ?? 100_000);
const tenants = Number(process.env.BENCH_TENANTS ?? 10);
const reads = Number(process.env.BENCH_READS ?? 2000);
const lists = Number(process.env.BENCH_LISTS ?? 100);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const listConcurrency = Number(process.env.BENCH_LIST_CONCURRENCY ?? 4);
/** Unfiltered first pages of a big tenant (before list buckets each read the whole tenant). */
const fullPages = Number(process.env.BENCH_FULL_PAGES ?? 100);
const pageSize = 50;
const SMALL_TENANT_SIZE = 200;
/** One contact in TAG_EVERY carries the filtered tag: 500 of a 10k tenant. */
const TAG_EVERY = 20;
const FILTER_TAG = 'volunteer';
const goal = 0.5;
/** CONTACT_LIST_BUCKET_SIZE's default: the seed fills buckets as the service would. */
const LIST_BUCKET_SIZE = 100;
/** A search text that matches a few contacts of each big tenant (Ada777, Ada7770..Ada7779). */
const SEARCH_TEXT = 'ada777';
const perTenant = Math.floor((contacts - SMALL_TENANT_SIZE) / tenants);
/** What a full page holds in each listing (a small run has fewer tagged contacts). */
const taggedPage = Math.min(pageSize, Math.ceil(perTenant / TAG_EVERY));

const bigTenant = (t: number) => `bench-read-${t}`;
const SMALL_TENANT = 'bench-read-small';

interface Seeded {
  /** Ids of the big tenants' contacts, with their tenant, for the by-id reads. */
  ids: Array<{ id: string; tenantId: string }>;
}

/** Sortable like the service's uuid v7 bucket ids, in seeding order. */
let bucketsOpened = 0;
const nextBucketId = () =>
  `01900000-0000-7000-8000-${(bucketsOpened++).toString(16).padStart(12, '0')}`;

// A stored person as the contact service writes it (store/contact-document.mapper.ts).
function storedPerson(tenantId: string, n: number, listBucket: string) {
  const id = randomUUID();
  const now = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  const first = `Ada${n}`;
  const last = `Lovelace${n % 997}`;
  return {
    _id: id,
    tenantId,
    kind: 'person',
    version: 1,
    displayName: `${first} ${last}`,
    searchNames: [first.toLowerCase(), last.toLowerCase(), `${first} ${last}`.toLowerCase()],
    searchKeys: [first.toLowerCase(), last.toLowerCase(), `ada-${n}@example.org`],
    searchPrefixes: deriveSearchPrefixes([
      first.toLowerCase(),
      last.toLowerCase(),
      `ada-${n}@example.org`,
    ]),
    listBucket,
    person: { firstName: first, lastName: last },
    emails: [{ address: `ada-${n}@example.org`, type: 'home', primary: true, valid: true }],
    phones: [
      {
        number: `+44 20 ${String(n).padStart(8, '0')}`,
        normalized: `+4420${String(n).padStart(8, '0')}`,
        type: 'mobile',
        primary: true,
        valid: true,
      },
    ],
    addresses: [
      {
        type: 'home',
        primary: true,
        line1: `${n} Analytical Way`,
        city: 'London',
        postalCode: 'SW1A 1AA',
        countryCode: 'GB',
        valid: true,
      },
    ],
    tags: n % TAG_EVERY === 0 ? ['donor', FILTER_TAG] : ['donor'],
    source: 'bench',
    deceased: false,
    doNotContact: false,
    customFields: {},
    communication: {},
    consentHistory: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    _outboxLog: [{ version: 1, eventIds: [randomUUID()] }],
  };
}

async function seed(collection: Collection, directory: Collection): Promise<Seeded> {
  const ids: Seeded['ids'] = [];
  const started = performance.now();
  const insert = async (tenantId: string, count: number) => {
    let bucket = '';
    for (let from = 0; from < count; from += 1000) {
      const docs = [];
      const buckets = [];
      for (let n = from; n < Math.min(from + 1000, count); n++) {
        if (n % LIST_BUCKET_SIZE === 0) {
          bucket = nextBucketId();
          buckets.push({ _id: bucket, tenantId, openedAt: new Date().toISOString() });
        }
        docs.push(storedPerson(tenantId, n, bucket));
      }
      await directory.insertMany(buckets as never[], { ordered: false });
      await collection.insertMany(docs as never[], { ordered: false });
      if (tenantId !== SMALL_TENANT)
        for (const doc of docs) ids.push({ id: doc._id, tenantId: doc.tenantId });
    }
  };
  for (let t = 0; t < tenants; t++) await insert(bigTenant(t), perTenant);
  await insert(SMALL_TENANT, SMALL_TENANT_SIZE);
  // Counted here: FerretDB 1.24 answers a count by reading the whole collection.
  const total = ids.length + SMALL_TENANT_SIZE;
  console.log(
    `seeded ${total} contacts (${tenants} x ${perTenant} + ${SMALL_TENANT_SIZE}) in ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return { ids };
}

/** The filter the contact service sends for a people list (store/contact-list.reader.ts). */
function listFilter(tenantId: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { tenantId, deletedAt: null, kind: 'person', ...more };
}

const LIST_PROJECTION = { _outboxLog: 0, consentHistory: 0, searchKeys: 0, searchPrefixes: 0 };

interface Scenario {
  label: string;
  count: number;
  concurrency: number;
  api: (i: number) => Promise<void>;
  raw: (i: number) => Promise<void>;
  /** Raw queries that take seconds each: run this many (at concurrency 1) instead of count. */
  rawCount?: number;
  /** Another raw query worth comparing with (printed, not in the ratio). */
  rawAlso?: { label: string; op: (i: number) => Promise<void> };
}

async function measure(s: Scenario) {
  const run = (op: (i: number) => Promise<void>): Promise<LoadResult> =>
    runClosedLoop({ total: s.count, concurrency: s.concurrency, op });
  const runRaw = (op: (i: number) => Promise<void>): Promise<LoadResult> =>
    s.rawCount ? runClosedLoop({ total: s.rawCount, concurrency: 1, op }) : run(op);
  // Untimed first: the raw queries once over, since right after the seed the server is still
  // settling (on PostgreSQL: hint bits, autovacuum; the first by-id pass ran at a tenth of
  // the second), and one API call; a failure there (e.g. a 504) is counted in the timed run.
  await runRaw(s.raw);
  await s.api(0).catch(() => undefined);
  const rawBefore = await runRaw(s.raw);
  const api = await run(s.api);
  const rawAfter = await runRaw(s.raw);
  const also = s.rawAlso && (await run(s.rawAlso.op));
  // Raw run one at a time is compared by latency: rates at other concurrencies do not compare.
  const ratio = s.rawCount
    ? (rawBefore.p50Ms + rawAfter.p50Ms) / 2 / api.p50Ms
    : api.ratePerSecond / ((rawBefore.ratePerSecond + rawAfter.ratePerSecond) / 2);
  console.log(`\n${s.label} (${s.count} ops, concurrency ${s.concurrency})`);
  console.log(formatResult('  raw (before)', rawBefore));
  console.log(formatResult('  gateway+contact', api));
  console.log(formatResult('  raw (after)', rawAfter));
  if (also && s.rawAlso) console.log(formatResult(`  ${s.rawAlso.label}`, also));
  console.log(
    `  ratio api/raw${s.rawCount ? ' (p50 latency, raw at concurrency 1)' : ''} = ` +
      `${ratio.toFixed(2)} (goal >= ${goal})  ${ratio >= goal ? 'MET' : 'NOT MET'}`,
  );
}

async function main() {
  const stack = await startStack('bench-contact-read');
  const client = await MongoClient.connect(stack.infra.mongoUrl);
  try {
    const db = client.db(stack.env.CONTACT_DB_NAME);
    const collection = db.collection('contacts');
    const directory = db.collection('contact_list_buckets');
    const { ids } = await seed(collection, directory);
    const tokens = new Map<string, string>();
    const token = (tenant: string) => {
      if (!tokens.has(tenant)) tokens.set(tenant, mintTestJwt({ tenant, roles: ['admin'] }));
      return tokens.get(tenant)!;
    };
    // A fixed pseudo-random order of ids across all big tenants, the same for api and raw.
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    const page = async (tenant: string, query: string, expectAtLeast: number) => {
      const body = (await getJson(
        new URL(`/v1/contacts?limit=${pageSize}${query}`, stack.gatewayUrl),
        token(tenant),
      )) as { data: unknown[] };
      if (body.data.length < expectAtLeast)
        throw new Error(`a page of ${body.data.length}, expected ${expectAtLeast}`);
    };
    /** The service's whole-tenant page: its bucket directory, then the first bucket. */
    const rawBucketPage = async (tenantId: string, expectAtLeast: number) => {
      const buckets = await directory
        .find({ tenantId }, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray();
      await rawPage(listFilter(tenantId, { listBucket: buckets[0]?._id }), expectAtLeast);
    };
    const rawPage = async (filter: Record<string, unknown>, expectAtLeast: number) => {
      const docs = await collection
        .find(filter, { projection: LIST_PROJECTION })
        .sort({ _id: 1 })
        .limit(pageSize + 1)
        .toArray();
      if (docs.length < expectAtLeast)
        throw new Error(`a page of ${docs.length}, expected ${expectAtLeast}`);
    };

    console.log(`contact-read: ${describeRun(stack)}`);
    await measure({
      label: 'GET /v1/contacts/{id} vs findOne({_id, tenantId})',
      count: reads,
      concurrency,
      api: async (i) => {
        const { id, tenantId } = pick(i);
        await getJson(new URL(`/v1/contacts/${id}`, stack.gatewayUrl), token(tenantId));
      },
      raw: async (i) => {
        const { id, tenantId } = pick(i);
        if (!(await collection.findOne({ _id: id as never, tenantId })))
          throw new Error(`${id} not found`);
      },
      // What the service sends (it checks the tenant itself, store/contact.repository.ts).
      rawAlso: {
        label: 'raw findOne({_id})',
        op: async (i) => {
          const { id } = pick(i);
          if (!(await collection.findOne({ _id: id as never }))) throw new Error(`${id} not found`);
        },
      },
    });
    const bigFilterTarget = (i: number) => bigTenant(i % tenants);
    await measure({
      label: `page of ${pageSize} with tag=${FILTER_TAG} (1 in ${TAG_EVERY} of a big tenant)`,
      count: lists,
      concurrency: listConcurrency,
      api: (i) => page(bigFilterTarget(i), `&tag=${FILTER_TAG}`, taggedPage),
      raw: (i) => rawPage(listFilter(bigFilterTarget(i), { tags: FILTER_TAG }), taggedPage),
      // The naive sorted query decodes every tagged contact (5,000 of a 100k tenant).
      ...(perTenant > 20_000 ? { rawCount: 2 } : {}),
    });
    const searchMatches = Math.min(
      pageSize,
      Array.from({ length: perTenant }, (_, n) => `ada${n}`).filter((name) =>
        name.startsWith(SEARCH_TEXT),
      ).length,
    );
    await measure({
      label: `search=${SEARCH_TEXT} (${searchMatches} of a big tenant match)`,
      count: lists,
      concurrency: listConcurrency,
      api: (i) => page(bigFilterTarget(i), `&search=${SEARCH_TEXT}`, searchMatches),
      raw: (i) =>
        rawPage(listFilter(bigFilterTarget(i), { searchPrefixes: SEARCH_TEXT }), searchMatches),
    });
    await measure({
      label: `first page of ${pageSize}, no filter, tenant of ${perTenant}`,
      count: fullPages,
      concurrency: listConcurrency,
      api: (i) => page(bigFilterTarget(i), '', pageSize),
      raw: (i) => rawBucketPage(bigFilterTarget(i), pageSize),
    });
    await measure({
      label: `first page of ${pageSize}, no filter, tenant of ${SMALL_TENANT_SIZE}`,
      count: lists * 4,
      concurrency: listConcurrency,
      api: () => page(SMALL_TENANT, '', pageSize),
      raw: () => rawBucketPage(SMALL_TENANT, pageSize),
    });
    console.log(`\ndone: ${describeRun(stack)}`);
  } finally {
    await client.close();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
