// End to end over HTTP: the gateway and the real contact service in this process, against
// the test global setup's FerretDB and Kafka. Covers what the fakes in the unit tests only
// imitate: versions, masks, soft delete, pagination, field errors and stored idempotency.
import { randomBytes } from 'node:crypto';
import { mintTestJwt } from '@kith/testkit';
import { e2eApi, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let baseUrl: string;
let token: string;

beforeAll(async () => {
  stack = await startE2eStack('e2e-gateway-rest');
  baseUrl = stack.baseUrl;
  token = mintTestJwt({ tenant: `tenant-${randomBytes(3).toString('hex')}`, roles: ['admin'] });
});

afterAll(async () => {
  await stack?.stop();
});

// Reads `token` when called: it is minted in beforeAll.
const api: E2eApi = (method, path, opts) => e2eApi(baseUrl, token)(method, path, opts);

async function createPerson(firstName: string, extra: Record<string, unknown> = {}) {
  const res = await api('POST', '/v1/contacts', { body: { name: { firstName }, ...extra } });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

test('a patch with the current version applies; a stale or missing version is refused', async () => {
  const person = await createPerson('Grace', { tags: ['Volunteer'] });

  const patched = await api('PATCH', `/v1/contacts/${person.id}`, {
    headers: { 'if-match': '"1"' },
    body: { name: { lastName: 'Hopper' }, phones: [{ number: '+1 555 010 2030', type: 'mobile' }] },
  });
  const stale = await api('PATCH', `/v1/contacts/${person.id}`, {
    headers: { 'if-match': '"1"' },
    body: { tags: ['x'] },
  });
  const missing = await api('PATCH', `/v1/contacts/${person.id}`, { body: { tags: ['x'] } });

  expect(patched.status).toBe(200);
  expect(patched.headers.get('etag')).toBe('"2"');
  expect(patched.body).toMatchObject({
    version: 2,
    displayName: 'Grace Hopper',
    name: { firstName: 'Grace', lastName: 'Hopper' },
    tags: ['volunteer'],
    phones: [{ number: '+1 555 010 2030', type: 'mobile', primary: true }],
  });
  expect(stale.status).toBe(409);
  expect(stale.body.type).toBe('urn:kith:problem:version-conflict');
  expect(missing.status).toBe(428);
});

test("the service's own field errors come back in REST terms", async () => {
  const person = await createPerson('Solo');

  const res = await api('PATCH', `/v1/contacts/${person.id}`, {
    headers: { 'if-match': '"1"' },
    body: { name: { firstName: null } },
  });

  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ field: 'name', in: 'body' })]);
});

test('a soft-deleted person answers 200 once, then reads and lists as gone', async () => {
  const person = await createPerson('Ephemeral', { tags: ['to-delete'] });

  const wrongKind = await api('DELETE', `/v1/organizations/${person.id}`, {
    headers: { 'if-match': '"1"' },
  });
  const deleted = await api('DELETE', `/v1/contacts/${person.id}`, {
    headers: { 'if-match': '"1"' },
  });
  const read = await api('GET', `/v1/contacts/${person.id}`);
  const listed = await api('GET', '/v1/contacts?tag=to-delete');

  expect(wrongKind.status).toBe(404);
  expect(deleted.status).toBe(200);
  expect(deleted.body.deletedAt).toEqual(expect.any(String));
  expect(read.status).toBe(404);
  expect(listed.body.data).toEqual([]);
});

test('lists page by page with a cursor and keep people and organizations apart', async () => {
  const tag = `page-${randomBytes(3).toString('hex')}`;
  for (const name of ['Ann', 'Bob', 'Cy', 'Di', 'Ed']) await createPerson(name, { tags: [tag] });
  await api('POST', '/v1/organizations', { body: { name: 'Not a person', tags: [tag] } });

  const names: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 5; page++) {
    const query: string = `?limit=2&tag=${tag}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api('GET', `/v1/contacts${query}`);
    expect(res.status).toBe(200);
    names.push(...(res.body.data as Array<{ displayName: string }>).map((p) => p.displayName));
    cursor = res.body.nextCursor as string | null;
    if (cursor === null) break;
  }
  const orgs = await api('GET', `/v1/organizations?tag=${tag}`);

  expect(names.sort()).toEqual(['Ann', 'Bob', 'Cy', 'Di', 'Ed']);
  expect(cursor).toBeNull();
  expect((orgs.body.data as unknown[]).length).toBe(1);
});

test('a retried POST with the same Idempotency-Key creates once and replays the answer', async () => {
  const key = randomBytes(8).toString('hex');
  const body = { name: 'Once Only Ltd', tags: [`idem-${key}`] };

  const first = await api('POST', '/v1/organizations', {
    body,
    headers: { 'idempotency-key': key },
  });
  const retry = await api('POST', '/v1/organizations', {
    body,
    headers: { 'idempotency-key': key },
  });
  const other = await api('POST', '/v1/organizations', {
    body: { ...body, name: 'Twice Ltd' },
    headers: { 'idempotency-key': key },
  });
  const listed = await api('GET', `/v1/organizations?tag=idem-${key}`);

  expect(first.status).toBe(201);
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(retry.body).toEqual(first.body);
  expect(retry.headers.get('location')).toBe(first.headers.get('location'));
  expect(other.status).toBe(422);
  expect((listed.body.data as unknown[]).length).toBe(1);
});

test('/readyz reports the contact service and MongoDB up', async () => {
  const res = await fetch(`${baseUrl}/readyz`);

  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ dependencies: { contact: 'up', mongo: 'up' } });
});
