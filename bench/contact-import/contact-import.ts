// bench/contact-import: a generated CSV of BENCH_ROWS clean rows imported through the `kith`
// CLI (CLI -> gateway -> contact service: parse, map, validate, match, outbox, insertMany)
// versus the raw driver's insertMany in batches of 1000 of equivalent documents into the
// same FerretDB (or MongoDB), in the same run. The raw rate is measured before and after
// the CLI run and averaged, so drift of the server during the run flatters neither side.
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run contact-import
//   BENCH_ROWS=10000 ... for a shorter run (the default is 100k rows).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { contactCsvLines, mintTestJwt, testDbName } from '@kith/testkit';
import { describeRun, startStack } from '../lib/stack';

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const batch = 1000;
const goal = 0.5;
const cli = path.resolve(__dirname, '../../tools/cli/dist/main.js');

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (const line of contactCsvLines({ rows, clean: true })) {
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

// What the raw insert writes: a document of the shape and size of an imported contact,
// with its commit record, as the contact service stores it.
function rawDocument(row: number) {
  const id = randomUUID();
  const now = new Date().toISOString();
  return {
    _id: id,
    tenantId: 'bench-raw',
    kind: 'person',
    version: 1,
    displayName: `Ada${row} Lovelace${row % 997}`,
    searchNames: [`ada${row}`, `lovelace${row % 997}`, `ada${row} lovelace${row % 997}`],
    person: { firstName: `Ada${row}`, lastName: `Lovelace${row % 997}` },
    emails: [{ address: `ada-${row}@example.org`, type: 'other', primary: true, valid: true }],
    phones: [
      {
        number: `+44 20 ${String(row).padStart(8, '0')}`,
        normalized: `+4420${String(row).padStart(8, '0')}`,
        type: 'other',
        primary: true,
        valid: true,
      },
    ],
    addresses: [
      {
        type: 'home',
        primary: true,
        line1: `${row} Analytical Way`,
        city: 'London',
        postalCode: 'SW1A 1AA',
        countryCode: 'GB',
        valid: true,
      },
    ],
    tags: ['import-test'],
    deceased: false,
    doNotContact: row % 7 === 0,
    communication: {},
    consentHistory: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    _outboxLog: [{ version: 1, eventIds: [randomUUID()] }],
  };
}

async function rawInsertMany(url: string, label: string): Promise<number> {
  const client = await MongoClient.connect(url);
  try {
    const collection = client.db(testDbName(`bench-import-raw-${label}`)).collection('contacts');
    const started = performance.now();
    for (let from = 1; from <= rows; from += batch) {
      const docs = [];
      for (let row = from; row < Math.min(from + batch, rows + 1); row++)
        docs.push(rawDocument(row));
      await collection.insertMany(docs as never[], { ordered: false });
    }
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await client.close();
  }
}

async function cliImport(
  file: string,
  gatewayUrl: string,
): Promise<{ rate: number; summary: string }> {
  const token = mintTestJwt({ tenant: 'bench', roles: ['admin'] });
  const started = performance.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cli, 'import', 'contacts', file, '--no-progress'],
    { env: { ...process.env, KITH_TOKEN: token, KITH_API_URL: gatewayUrl }, maxBuffer: 1 << 20 },
  );
  const seconds = (performance.now() - started) / 1000;
  const result = JSON.parse(stdout.trim()) as { counts: { created: number; failed: number } };
  if (result.counts.created !== rows)
    throw new Error(`the CLI created ${result.counts.created} of ${rows}: ${stdout}`);
  return { rate: rows / seconds, summary: stdout.trim() };
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kith-bench-import-'));
  const file = path.join(dir, 'contacts.csv');
  await writeCsv(file);
  const stack = await startStack('bench-contact-import');
  try {
    const rawBefore = await rawInsertMany(stack.infra.mongoUrl, 'before');
    const api = await cliImport(file, stack.gatewayUrl);
    const rawAfter = await rawInsertMany(stack.infra.mongoUrl, 'after');
    const ceiling = (rawBefore + rawAfter) / 2;
    const ratio = api.rate / ceiling;
    const fmt = (n: number) => `${n.toFixed(0)} rows/s`;
    console.log(`contact-import: ${rows} rows, ${describeRun(stack)}`);
    console.log(`raw insertMany x${batch} (before)    ${fmt(rawBefore)}`);
    console.log(`kith import contacts (CLI->gateway->contact) ${fmt(api.rate)}  ${api.summary}`);
    console.log(`raw insertMany x${batch} (after)     ${fmt(rawAfter)}`);
    console.log(
      `ratio cli/raw = ${ratio.toFixed(2)} (goal >= ${goal})  ${ratio >= goal ? 'MET' : 'NOT MET'}`,
    );
  } finally {
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
