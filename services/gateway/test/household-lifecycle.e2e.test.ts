// End to end: households over REST through the gateway into the contact service, against
// the real Kafka and MongoDB-wire server of the test global setup, driven over HTTP only.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, waitFor } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let baseUrl: string;

beforeAll(async () => {
  stack = await startE2eStack('e2e-household');
  baseUrl = stack.baseUrl;
});

afterAll(async () => {
  await stack?.stop();
});

function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
}

async function person(token: string, firstName: string, lastName: string): Promise<string> {
  const res = await api('/v1/contacts', token, {
    method: 'POST',
    body: JSON.stringify({ name: { firstName, lastName } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('a household built over REST names its adults, keeps one household per person, and answers 404 to another tenant', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['manager'] });
  const jane = await person(token, 'Jane', 'Smith');
  const john = await person(token, 'John', 'Doe');

  const created = await api('/v1/households', token, {
    method: 'POST',
    body: JSON.stringify({
      mailingAddress: { line1: '1 Main St', city: 'Springfield', countryCode: 'us' },
    }),
  });
  const household = (await created.json()) as { id: string };
  const add = (id: string, contactId: string, version: number) =>
    api(`/v1/households/${id}/members`, token, {
      method: 'POST',
      headers: { 'if-match': `"${version}"` },
      body: JSON.stringify({ contactId }),
    });
  await add(household.id, jane, 1);
  const both = await add(household.id, john, 2);
  const other = (await (await api('/v1/households', token, { method: 'POST' })).json()) as {
    id: string;
  };
  const taken = await add(other.id, jane, 1);
  const mine = await api(`/v1/contacts/${john}/household`, token);
  const foreign = await api(
    `/v1/households/${household.id}`,
    mintTestJwt({ tenant: `${tenant}-other` }),
  );

  expect(created.status).toBe(201);
  expect(both.status).toBe(200);
  expect(both.headers.get('etag')).toBe('"3"');
  expect(await both.json()).toMatchObject({
    name: 'Jane Smith and John Doe',
    greeting: 'Jane and John',
    mailingAddress: { line1: '1 Main St', countryCode: 'US' },
  });
  expect(taken.status).toBe(409);
  expect(((await taken.json()) as { type: string }).type).toBe('urn:kith:problem:already-exists');
  expect(mine.status).toBe(200);
  expect(((await mine.json()) as { id: string }).id).toBe(household.id);
  expect(foreign.status).toBe(404);
});

test('marking a member deceased over REST takes them out of the generated names', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['manager'] });
  const jane = await person(token, 'Jane', 'Smith');
  const john = await person(token, 'John', 'Smith');
  const created = await api('/v1/households', token, { method: 'POST' });
  const { id } = (await created.json()) as { id: string };
  for (const [contactId, version] of [
    [jane, 1],
    [john, 2],
  ] as const) {
    await api(`/v1/households/${id}/members`, token, {
      method: 'POST',
      headers: { 'if-match': `"${version}"` },
      body: JSON.stringify({ contactId }),
    });
  }

  const patched = await api(`/v1/contacts/${john}`, token, {
    method: 'PATCH',
    headers: { 'if-match': '"1"', 'content-type': 'application/merge-patch+json' },
    body: JSON.stringify({ deceased: true, deceasedDate: '2026-01-15' }),
  });
  // The household follows the contact through its updated event, a moment later.
  const household = await waitFor(
    async () => {
      const body = (await (await api(`/v1/households/${id}`, token)).json()) as { version: number };
      return body.version > 3 ? body : undefined;
    },
    { timeoutMs: 20_000, what: 'the household to follow the death' },
  );

  expect(patched.status).toBe(200);
  expect(household).toMatchObject({
    name: 'Jane Smith',
    greeting: 'Jane',
    members: [
      { contactId: jane, deceased: false },
      { contactId: john, deceased: true },
    ],
  });
});
