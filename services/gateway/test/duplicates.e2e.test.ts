// End to end: duplicates and merge over REST through the gateway into the contact service, against
// the real Kafka and MongoDB-wire server of the test global setup, driven over HTTP only.
import { randomBytes } from 'node:crypto';
import { mintTestJwt } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let baseUrl: string;

beforeAll(async () => {
  stack = await startE2eStack('e2e-merge');
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

async function person(token: string, firstName: string, email: string): Promise<string> {
  const res = await api('/v1/contacts', token, {
    method: 'POST',
    body: JSON.stringify({ name: { firstName, lastName: 'Smith' }, emails: [{ address: email }] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('a duplicate found over REST is merged, its old id answers 404 with the survivor in mergedInto, and a retry answers the same', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['manager'] });
  const jane = await person(token, 'Jane', 'jane@example.org');
  const janet = await person(token, 'Janet', 'JANE@example.org');

  const found = await api(`/v1/contacts/${jane}/duplicates`, token);
  const merge = () =>
    api(`/v1/contacts/${jane}/merge`, token, {
      method: 'POST',
      body: JSON.stringify({ victimId: janet, fieldChoices: { firstName: 'victim' } }),
    });
  const merged = await merge();
  const again = await merge();
  const gone = await api(`/v1/contacts/${janet}`, token);
  const foreign = await api(
    `/v1/contacts/${jane}/duplicates`,
    mintTestJwt({ tenant: `${tenant}-x` }),
  );
  const readonly = await api(
    `/v1/contacts/${jane}/merge`,
    mintTestJwt({ tenant, roles: ['readonly'] }),
    {
      method: 'POST',
      body: JSON.stringify({ victimId: janet }),
    },
  );

  expect(found.status).toBe(200);
  expect(await found.json()).toEqual({
    data: [
      {
        contact: { id: janet, kind: 'person', displayName: 'Janet Smith', version: 1 },
        score: 10,
        matchedRules: ['same-email'],
      },
    ],
  });
  expect(merged.status).toBe(200);
  expect(merged.headers.get('etag')).toBe('"2"');
  const body = (await merged.json()) as {
    survivor: { name: { firstName: string }; emails: unknown[] };
    victimId: string;
  };
  expect(body).toMatchObject({ survivor: { name: { firstName: 'Janet' } }, victimId: janet });
  expect(body.survivor.emails).toHaveLength(1);
  expect(again.status).toBe(200);
  expect(gone.status).toBe(404);
  expect(await gone.json()).toMatchObject({
    type: 'urn:kith:problem:not-found',
    detail: `contact ${janet} was merged into ${jane}`,
    mergedInto: jane,
  });
  expect(foreign.status).toBe(404);
  expect(readonly.status).toBe(403);
});

test('a change or delete of a merge victim answers the 404 naming its survivor, as a read does', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['manager'] });
  const ada = await person(token, 'Ada', 'ada@example.org');
  const adah = await person(token, 'Adah', 'ADA@example.org');
  await api(`/v1/contacts/${ada}/merge`, token, {
    method: 'POST',
    body: JSON.stringify({ victimId: adah }),
  });

  const patched = await api(`/v1/contacts/${adah}`, token, {
    method: 'PATCH',
    headers: { 'if-match': '"1"' },
    body: JSON.stringify({ tags: ['late'] }),
  });
  const deleted = await api(`/v1/contacts/${adah}`, token, {
    method: 'DELETE',
    headers: { 'if-match': '"1"' },
  });
  const asOrganization = await api(`/v1/organizations/${ada}`, token, {
    method: 'PATCH',
    headers: { 'if-match': '"2"' },
    body: JSON.stringify({ tags: ['late'] }),
  });

  expect(patched.status).toBe(404);
  expect(await patched.json()).toMatchObject({
    type: 'urn:kith:problem:not-found',
    mergedInto: ada,
  });
  expect(deleted.status).toBe(404);
  expect(await deleted.json()).toMatchObject({ mergedInto: ada });
  expect(asOrganization.status).toBe(404);
});

test('matching rules start as the defaults at version 0 and change with If-Match', async () => {
  const token = mintTestJwt({
    tenant: `tenant-${randomBytes(3).toString('hex')}`,
    roles: ['admin'],
  });
  const rules = { threshold: 6, rules: [{ name: 'same-phone', fields: ['phone'], weight: 6 }] };

  const defaults = await api('/v1/matching-rules', token);
  const put = await api('/v1/matching-rules', token, {
    method: 'PUT',
    headers: { 'if-match': '"0"' },
    body: JSON.stringify(rules),
  });
  const stale = await api('/v1/matching-rules', token, {
    method: 'PUT',
    headers: { 'if-match': '"0"' },
    body: JSON.stringify(rules),
  });

  expect(defaults.headers.get('etag')).toBe('"0"');
  expect(put.status).toBe(200);
  expect(await put.json()).toMatchObject({ version: 1, isDefault: false, threshold: 6 });
  expect(stale.status).toBe(409);
});

test('of two opposite merges sent at once over REST one answers 200, the other a problem, and one record stays', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, roles: ['manager'] });
  const x = await person(token, 'Xena', 'xena@example.org');
  const y = await person(token, 'Yara', 'yara@example.org');
  const merge = (survivor: string, victim: string) =>
    api(`/v1/contacts/${survivor}/merge`, token, {
      method: 'POST',
      body: JSON.stringify({ victimId: victim }),
    });

  const answers = await Promise.all([merge(y, x), merge(x, y)]);
  const reads = await Promise.all([x, y].map((id) => api(`/v1/contacts/${id}`, token)));

  expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  const refused = answers.find((a) => a.status !== 200);
  expect([409, 422]).toContain(refused?.status);
  expect(refused?.headers.get('content-type')).toContain('application/problem+json');
  expect(reads.filter((r) => r.status === 200)).toHaveLength(1);
});
