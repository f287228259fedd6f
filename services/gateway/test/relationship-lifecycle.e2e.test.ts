// End to end: relationships through the gateway and the contact service, in this process,
// against the real Kafka and MongoDB-wire server of the test global setup, over HTTP only.
import { randomBytes } from 'node:crypto';
import { mintTestJwt } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let baseUrl: string;

beforeAll(async () => {
  stack = await startE2eStack('e2e-relationship');
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

async function post(path: string, token: string, body: unknown) {
  const res = await api(path, token, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test('an employment created from the person shows as "employer of" on the organization until it ends', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, sub: 'user-1', roles: ['manager'] });
  const ada = await post('/v1/contacts', token, {
    name: { firstName: 'Ada', lastName: 'Lovelace' },
  });
  const acme = await post('/v1/organizations', token, { name: 'Acme Foundation' });
  const employment = {
    typeCode: 'employee-of',
    contactAId: ada.body.id,
    contactBId: acme.body.id,
    startDate: '2024-03-01',
  };

  const created = await post('/v1/relationships', token, employment);
  const employees = await api(
    `/v1/organizations/${String(acme.body.id)}/relationships?typeCode=employee-of`,
    token,
  );
  const duplicate = await post('/v1/relationships', token, employment);
  const ended = await api(`/v1/relationships/${String(created.body.id)}`, token, {
    method: 'PATCH',
    headers: { 'if-match': '"1"' },
    body: JSON.stringify({ endDate: '2025-12-31' }),
  });
  const afterEnd = await api(`/v1/contacts/${String(ada.body.id)}/relationships`, token);
  const history = await api(
    `/v1/contacts/${String(ada.body.id)}/relationships?includeInactive=true`,
    token,
  );
  const foreign = await api(
    `/v1/relationships/${String(created.body.id)}`,
    mintTestJwt({ tenant: `${tenant}-other`, sub: 'user-2', roles: ['admin'] }),
  );

  expect(created.status).toBe(201);
  expect(await employees.json()).toEqual({
    data: [
      expect.objectContaining({
        label: 'employer of',
        side: 'b',
        otherContact: { id: ada.body.id, kind: 'person', displayName: 'Ada Lovelace' },
      }),
    ],
    nextCursor: null,
  });
  expect(duplicate.status).toBe(409);
  expect(ended.status).toBe(200);
  expect(await ended.json()).toMatchObject({ endDate: '2025-12-31', active: false, version: 2 });
  expect(((await afterEnd.json()) as { data: unknown[] }).data).toEqual([]);
  expect(await history.json()).toMatchObject({
    data: [{ label: 'employee of', side: 'a', active: false }],
  });
  expect(foreign.status).toBe(404);
});

test('a manager deactivates a built-in type for the tenant, and new relationships of it are refused', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const token = mintTestJwt({ tenant, sub: 'user-1', roles: ['manager'] });
  const ada = await post('/v1/contacts', token, { name: { firstName: 'Ada' } });
  const acme = await post('/v1/organizations', token, { name: 'Acme' });

  const deactivated = await api('/v1/relationship-types/volunteer-for', token, {
    method: 'PATCH',
    headers: { 'if-match': '"1"' },
    body: JSON.stringify({ active: false }),
  });
  const refused = await post('/v1/relationships', token, {
    typeCode: 'volunteer-for',
    contactAId: ada.body.id,
    contactBId: acme.body.id,
  });

  expect(deactivated.status).toBe(200);
  expect(deactivated.headers.get('etag')).toBe('"2"');
  expect(refused.status).toBe(422);
});
