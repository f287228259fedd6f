// End to end: a generated 10k-row CSV with bad rows and duplicates imported over REST
// through the gateway into the contact service, against the real Kafka and MongoDB-wire
// server of the test global setup; then the error report, a re-run that must create
// nothing, an update import and the CSV export, with custom fields that round-trip.
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { contactCsvLines, csvRowCounts, mintTestJwt } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

const ROWS = Number(process.env.IMPORT_E2E_ROWS ?? 10_000);
let stack: E2eStack;
let baseUrl: string;

jest.setTimeout(600_000);

beforeAll(async () => {
  stack = await startE2eStack('e2e-import');
  baseUrl = stack.baseUrl;
});

afterAll(async () => {
  await stack?.stop();
});

interface Upload {
  job: {
    id: string;
    status: string;
    checkpoint: number;
    counts: { rows: number; created: number; updated: number; skipped: number; failed: number };
  };
  upload: { rows: number; unmappedColumns: string[] };
}

function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
}

async function importCsv(token: string, csv: string, query: string): Promise<Upload> {
  const res = await api(`/v1/imports/contacts?${query}`, token, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Upload;
}

// First, while the contact collection is small: on FerretDB 1.x a filtered list scans the
// whole collection, and right after the 10k import the relay and the audit consumer keep the
// database busy, so one export page can exceed the gateway's 5 s gRPC deadline (504).
test('an update import fills the matching contact and adds what it lacks; export lists it', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['admin'] });
  const created = await api('/v1/contacts', token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: { firstName: 'Grace', lastName: 'Hopper' },
      emails: [{ address: 'grace@example.org' }],
      tags: ['navy'],
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const csv = 'E-mail,Given,Mobile,Labels\nGRACE@example.org,Grace,+1 555 0100 200,cobol\n';
  const upload = await importCsv(
    token,
    csv,
    'onDuplicate=update&map=E-mail%3Demail&map=Given%3DfirstName&map=Labels%3Dtags',
  );
  expect(upload.job.counts).toMatchObject({ rows: 1, updated: 1, created: 0, failed: 0 });

  const read = await api(`/v1/contacts/${id}`, token);
  const person = (await read.json()) as {
    version: number;
    tags: string[];
    phones: Array<{ number: string; type: string }>;
  };
  expect(person.version).toBe(2);
  expect(person.tags).toEqual(['navy', 'cobol']);
  expect(person.phones).toEqual([
    expect.objectContaining({ number: '+1 555 0100 200', type: 'mobile' }),
  ]);

  const exported = await api('/v1/contacts/export.csv?tag=cobol', token);
  expect(exported.status).toBe(200);
  const records = parse(await exported.text(), { columns: true }) as Array<Record<string, string>>;
  expect(records).toEqual([
    expect.objectContaining({
      id,
      firstName: 'Grace',
      email: 'grace@example.org',
      tags: 'navy; cobol',
    }),
  ]);
});

test('an export carries a cf.<key> column per custom field and imports into another tenant with the same values', async () => {
  const suffix = randomBytes(3).toString('hex');
  const source = mintTestJwt({ tenant: `tenant-${suffix}-a`, roles: ['admin'] });
  const target = mintTestJwt({ tenant: `tenant-${suffix}-b`, roles: ['admin'] });
  const definitions = [
    { key: 'gift_aid', label: 'Gift Aid', type: 'boolean' },
    { key: 'joined', label: 'Joined', type: 'date' },
    { key: 'score', label: 'Score', type: 'number' },
    {
      key: 'interests',
      label: 'Interests',
      type: 'multi_select',
      options: [{ value: 'music' }, { value: 'art' }],
    },
  ];
  for (const token of [source, target]) {
    for (const definition of definitions) {
      const res = await api('/v1/custom-fields', token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recordType: 'person', ...definition }),
      });
      expect(res.status).toBe(201);
    }
  }
  const values = { gift_aid: true, joined: '2026-01-31', score: 12.5, interests: ['music', 'art'] };
  const created = await api('/v1/contacts', source, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: { firstName: 'Ada', lastName: 'Lovelace' },
      tags: ['round-trip'],
      customFields: values,
    }),
  });
  expect(created.status).toBe(201);

  const exported = await api('/v1/contacts/export.csv?tag=round-trip', source);
  expect(exported.status).toBe(200);
  const csv = await exported.text();
  const upload = await importCsv(target, csv, 'onDuplicate=create');
  const imported = await api('/v1/contacts?tag=round-trip', target);

  const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
  expect(records).toEqual([
    expect.objectContaining({
      firstName: 'Ada',
      'cf.gift_aid': 'true',
      'cf.interests': 'music; art',
      'cf.joined': '2026-01-31',
      'cf.score': '12.5',
    }),
  ]);
  expect(upload.job.counts).toMatchObject({ rows: 1, created: 1, failed: 0 });
  const { data } = (await imported.json()) as { data: Array<{ customFields: object }> };
  expect(data).toEqual([expect.objectContaining({ customFields: values })]);
});

test(`imports ${ROWS} generated rows: creates the good ones, skips duplicates, reports bad rows, and a re-run creates nothing`, async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['manager'] });
  for (let k = 0; k < 20; k++) {
    const res = await api('/v1/contacts', token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: { firstName: 'Existing', lastName: `Person${k}` },
        emails: [{ address: `existing-${k}@example.org` }],
      }),
    });
    expect(res.status).toBe(201);
  }
  const csv = [...contactCsvLines({ rows: ROWS, tag: tenant })].join('');
  const expected = csvRowCounts(ROWS);
  const failed = expected['no-name'] + expected['bad-email'] + expected['bad-country'];
  const skipped = expected['in-file-dup'] + expected['existing-dup'];

  const started = Date.now();
  const first = await importCsv(token, csv, 'onDuplicate=skip&fileName=people.csv');
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`import e2e: ${ROWS} rows in ${seconds.toFixed(1)} s\n`);

  expect(first.job.counts).toEqual({
    rows: ROWS,
    created: expected.good,
    updated: 0,
    skipped,
    failed,
  });
  expect(first.job.status).toBe('finished');
  expect(first.job.checkpoint).toBe(ROWS);
  expect(first.upload.unmappedColumns).toEqual([]);

  const report = await api(`/v1/imports/${first.job.id}/errors.csv`, token);
  expect(report.status).toBe(200);
  expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
  const records = parse(await report.text()) as string[][];
  expect(records[0]).toEqual(['row', 'errors', ...csv.split('\n')[0]!.split(',')]);
  expect(records).toHaveLength(failed + 1);
  const byRow = new Map(records.slice(1).map((r) => [r[0], r]));
  expect(byRow.get('1')?.[1]).toContain('person: a person needs a first or last name');
  expect(byRow.get('2')?.[1]).toContain('emails[0].address: is not a valid email address');
  expect(byRow.get('3')?.[1]).toContain('addresses[0].countryCode');
  expect(byRow.get('2')?.[4]).toBe('ada-2.example.org');

  const again = await importCsv(token, csv, 'onDuplicate=skip');
  expect(again.job.counts).toEqual({
    rows: ROWS,
    created: 0,
    updated: 0,
    skipped: ROWS - failed,
    failed,
  });

  const stranger = mintTestJwt({ tenant: `${tenant}-other`, roles: ['admin'] });
  expect((await api(`/v1/imports/${first.job.id}`, stranger)).status).toBe(404);
  expect((await api(`/v1/imports/${first.job.id}/errors.csv`, stranger)).status).toBe(404);
});
