// End to end: subject access export and erasure over REST through the gateway into the real
// contact service (Kafka and MongoDB-wire server of the test global setup), over HTTP only.
// A second gateway lists an upstream nobody serves, so its exports must answer 503.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, testDbName, testInfra, TEST_JWT, uniquePrefix, waitFor } from '@kith/testkit';
import { start as startContact, type RunningContactService } from '../../contact/src/main';
import { loadContactConfig } from '../../contact/src/config';
import { start as startGateway, type RunningGateway } from '../src/main';
import { loadGatewayConfig } from '../src/config';

const infra = testInfra();
const topicPrefix = uniquePrefix('e2e-privacy');
let contact: RunningContactService;
let gateway: RunningGateway;
let brokenGateway: RunningGateway;

beforeAll(async () => {
  const common = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    KITH_TOPIC_PREFIX: topicPrefix,
    LOG_LEVEL: 'error',
  };
  contact = await startContact(
    loadContactConfig({
      ...common,
      CONTACT_GRPC_PORT: '0',
      CONTACT_DB_NAME: testDbName('e2e-privacy-contact'),
    }),
  );
  const gatewayConfig = {
    ...common,
    GATEWAY_HTTP_PORT: '0',
    GATEWAY_DB_NAME: testDbName('e2e-privacy-gateway'),
    CONTACT_GRPC_ADDRESS: `127.0.0.1:${contact.grpcPort}`,
    KITH_JWT_ISSUER: TEST_JWT.issuer,
    KITH_JWT_AUDIENCE: TEST_JWT.audience,
    KITH_JWT_HS256_SECRET: TEST_JWT.hs256Secret,
    GATEWAY_EXPORT_DEADLINE_MS: '1500',
  };
  gateway = await startGateway(loadGatewayConfig(gatewayConfig));
  // Port 1 on loopback: nothing listens, so the upstream is unavailable.
  brokenGateway = await startGateway(
    loadGatewayConfig({ ...gatewayConfig, PERSONAL_DATA_UPSTREAMS: 'transaction=127.0.0.1:1' }),
  );
});

afterAll(async () => {
  await brokenGateway?.stop();
  await gateway?.stop();
  await contact?.stop();
});

function api(
  target: RunningGateway,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`http://127.0.0.1:${target.httpPort}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
}

test('an admin exports a person, erases them, and the person then reads as 404', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const admin = mintTestJwt({ tenant, roles: ['admin'] });
  const created = await api(gateway, '/v1/contacts', admin, {
    method: 'POST',
    body: JSON.stringify({
      name: { firstName: 'Ottoline', lastName: 'Vexworth' },
      emails: [{ address: 'ottoline@example.org' }],
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const exported = await api(gateway, `/v1/contacts/${id}/export`, admin);
  expect(exported.status).toBe(200);
  const document = (await exported.json()) as {
    contactId: string;
    services: { contact: { sections: { contact: { emails: Array<{ address: string }> } } } };
  };
  expect(document.contactId).toBe(id);
  expect(document.services.contact.sections.contact.emails[0]?.address).toBe(
    'ottoline@example.org',
  );

  const erased = await api(gateway, `/v1/contacts/${id}/erase`, admin, { method: 'POST' });
  expect(erased.status).toBe(200);
  expect(await erased.json()).toMatchObject({ id, kind: 'person', alreadyErased: false });

  expect((await api(gateway, `/v1/contacts/${id}`, admin)).status).toBe(404);
  const again = await api(gateway, `/v1/contacts/${id}/erase`, admin, { method: 'POST' });
  expect(await again.json()).toMatchObject({ alreadyErased: true });
  // The audit trail is scrubbed by its consumer a moment later; then nothing names her.
  await waitFor(
    async () => {
      const res = await api(gateway, `/v1/contacts/${id}/export`, admin);
      const text = JSON.stringify(await res.json());
      return res.status === 200 && !text.includes('Vexworth') && text.includes('"erased"');
    },
    { what: 'an export without her name' },
  );
});

test('an export answers 503 when one registered service is unreachable', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const admin = mintTestJwt({ tenant, roles: ['admin'] });
  const created = await api(brokenGateway, '/v1/contacts', admin, {
    method: 'POST',
    body: JSON.stringify({ name: { firstName: 'Ann' } }),
  });
  const { id } = (await created.json()) as { id: string };

  const res = await api(brokenGateway, `/v1/contacts/${id}/export`, admin);

  expect(res.status).toBe(503);
  expect(((await res.json()) as { type: string }).type).toBe('urn:kith:problem:export-incomplete');
});
