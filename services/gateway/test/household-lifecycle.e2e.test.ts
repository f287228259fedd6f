// End to end: households over REST through the gateway into the contact service, against
// the real Kafka and MongoDB-wire server of the test global setup, driven over HTTP only.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, testDbName, testInfra, TEST_JWT, uniquePrefix } from '@kith/testkit';
import { start as startContact, type RunningContactService } from '../../contact/src/main';
import { loadContactConfig } from '../../contact/src/config';
import { start as startGateway, type RunningGateway } from '../src/main';
import { loadGatewayConfig } from '../src/config';

const infra = testInfra();
const topicPrefix = uniquePrefix('e2e-household');
let contact: RunningContactService;
let gateway: RunningGateway;
let baseUrl: string;

beforeAll(async () => {
  const common = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    KITH_TOPIC_PREFIX: topicPrefix,
    LOG_LEVEL: 'warn',
  };
  contact = await startContact(
    loadContactConfig({
      ...common,
      CONTACT_GRPC_PORT: '0',
      CONTACT_DB_NAME: testDbName('e2e-household-contact'),
    }),
  );
  gateway = await startGateway(
    loadGatewayConfig({
      ...common,
      GATEWAY_HTTP_PORT: '0',
      GATEWAY_DB_NAME: testDbName('e2e-household-gateway'),
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
