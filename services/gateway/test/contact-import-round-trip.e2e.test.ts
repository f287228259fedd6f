// End to end: an export imported again, through the gateway into the contact service on the
// real Kafka and MongoDB-wire server of the test global setup. Its id column ties each row to
// its record (contacts without an email too), its consent columns keep every opt-out, and a
// contact the import creates belongs to the importing user. A refused request opens no job.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { mintTestJwt } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let mongo: MongoClient;

jest.setTimeout(120_000);

beforeAll(async () => {
  stack = await startE2eStack('e2e-import-round-trip');
  mongo = new MongoClient(stack.contactDb.mongoUrl);
});

afterAll(async () => {
  await mongo?.close();
  await stack?.stop();
});

interface Counts {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
}

function post(path: string, token: string, body: unknown): Promise<Response> {
  return api(path, token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function upload(token: string, csv: string, query = ''): Promise<Response> {
  return api(`/v1/imports/contacts?${query}`, token, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
}

async function importCsv(token: string, csv: string, query = ''): Promise<Counts> {
  const res = await upload(token, csv, query);
  expect(res.status).toBe(201);
  return ((await res.json()) as { job: { counts: Counts } }).job.counts;
}

async function createPerson(token: string, body: object): Promise<string> {
  const res = await post('/v1/contacts', token, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function consentOf(token: string, id: string) {
  const res = await api(`/v1/contacts/${id}/consents`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    communication: Record<string, { status: string; capturedAt: string } | null>;
    history: unknown[];
  };
}

/** Two people without an email (matched by no rule alone), one opted out of email. */
async function givenTwoPeopleWithoutEmail(token: string, tag: string) {
  const grace = await createPerson(token, {
    name: { firstName: 'Grace', lastName: 'Hopper' },
    addresses: [{ line1: '1 Navy Way', postalCode: '20001', countryCode: 'US' }],
    tags: [tag],
  });
  await createPerson(token, {
    name: { firstName: 'Alan', lastName: 'Turing' },
    phones: [{ number: '+44 20 7946 0000' }],
    tags: [tag],
  });
  const consent = await post(`/v1/contacts/${grace}/consents`, token, {
    channel: 'email',
    status: 'opted_out',
    source: 'unsubscribe-link',
    capturedAt: '2026-02-01T10:00:00Z',
  });
  expect(consent.status).toBe(201);
  return { grace };
}

async function exportCsv(token: string, tag: string): Promise<string> {
  const res = await api(`/v1/contacts/export.csv?tag=${tag}`, token);
  expect(res.status).toBe(200);
  return res.text();
}

test('an export imported again creates nothing and keeps the opt-outs, whether rows are skipped or updated', async () => {
  const tag = `rt-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant: `tenant-${tag}`, roles: ['admin'] });
  const { grace } = await givenTwoPeopleWithoutEmail(token, tag);
  const csv = await exportCsv(token, tag);

  const skipped = await importCsv(token, csv);
  const updated = await importCsv(token, csv, 'onDuplicate=update');

  expect(skipped).toEqual({ rows: 2, created: 0, updated: 0, skipped: 2, failed: 0 });
  expect(updated).toEqual({ rows: 2, created: 0, updated: 2, skipped: 0, failed: 0 });
  const list = (await (await api(`/v1/contacts?tag=${tag}`, token)).json()) as { data: unknown[] };
  expect(list.data).toHaveLength(2);
  const consent = await consentOf(token, grace);
  expect(consent.communication.email).toMatchObject({ status: 'opted_out' });
  expect(consent.history).toHaveLength(1);
});

test('an export imported into another tenant creates its contacts with their opt-outs, owned by the importing user', async () => {
  const tag = `rt-${randomBytes(3).toString('hex')}`;
  const source = mintTestJwt({ tenant: `tenant-${tag}-a`, roles: ['admin'] });
  const target = mintTestJwt({ tenant: `tenant-${tag}-b`, roles: ['admin'], sub: 'u-importer' });
  await givenTwoPeopleWithoutEmail(source, tag);
  const csv = await exportCsv(source, tag);

  // The other tenant's owners mean nothing here: without the column, the importer owns them.
  const counts = await importCsv(target, csv, 'map=ownerId%3D-');

  expect(counts).toMatchObject({ created: 2, failed: 0 });
  const list = (await (await api(`/v1/contacts?tag=${tag}`, target)).json()) as {
    data: Array<{ id: string; name: { firstName: string }; ownerId: string | null }>;
  };
  expect(list.data.map((c) => c.ownerId)).toEqual(['u-importer', 'u-importer']);
  const grace = list.data.find((c) => c.name.firstName === 'Grace');
  const consent = await consentOf(target, grace?.id ?? '');
  expect(consent.communication.email).toMatchObject({
    status: 'opted_out',
    capturedAt: '2026-02-01T10:00:00.000Z',
  });
});

test('a refused import request opens no job', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['admin'] });

  const badMap = await upload(token, 'First Name,Email\nAda,ada@example.org\n', 'map=Email%3Dmail');
  const empty = await upload(token, '');

  expect([badMap.status, empty.status]).toEqual([400, 400]);
  const jobs = mongo.db(stack.contactDb.name).collection('contact_imports');
  expect(await jobs.countDocuments({ tenantId: tenant })).toBe(0);
});
