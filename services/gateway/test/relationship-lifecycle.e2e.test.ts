// End to end: relationships through the gateway and the contact service, in this process,
// against the real Kafka and MongoDB-wire server of the test global setup, over HTTP only.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, testDbName, testInfra, TEST_JWT, uniquePrefix } from '@kith/testkit';
import { start as startContact, type RunningContactService } from '../../contact/src/main';
import { loadContactConfig } from '../../contact/src/config';
import { start as startGateway, type RunningGateway } from '../src/main';
import { loadGatewayConfig } from '../src/config';

const infra = testInfra();
let contact: RunningContactService;
let gateway: RunningGateway;
let baseUrl: string;

beforeAll(async () => {
  const common = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    KITH_TOPIC_PREFIX: uniquePrefix('e2e-relationship'),
    LOG_LEVEL: 'warn',
  };
  contact = await startContact(
    loadContactConfig({
      ...common,
      CONTACT_GRPC_PORT: '0',
      CONTACT_DB_NAME: testDbName('e2e-rel-contact'),
    }),
  );
  gateway = await startGateway(
    loadGatewayConfig({
      ...common,
      GATEWAY_HTTP_PORT: '0',
      GATEWAY_DB_NAME: testDbName('e2e-rel-gateway'),
      CONTACT_GRPC_ADDRESS: `127.0.0.1:${contact.grpcPort}`,
      KITH_JWT_ISSUER: TEST_JWT.issuer,
      KITH_JWT_AUDIENCE: TEST_JWT.audience,
      KITH_JWT_HS256_SECRET: TEST_JWT.hs256Secret,
    }),
  );
  baseUrl = `http://127.0.0.1:${gateway.httpPort}`;
});

afterAll(async () => {
  await gateway?.stop();
  await contact?.stop();
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
