// End to end: subject access export and erasure over REST through the gateway into the real
// contact, interaction, transaction, marketing and analytics services (Kafka and MongoDB-wire server of the test
// global setup),
// over HTTP only. A second gateway lists an upstream nobody serves, so its exports must answer
// 503. After an erasure, no store of any service (every collection of their databases) and no
// replay of a stored Idempotency-Key response names the person.
import { randomBytes } from 'node:crypto';
import {
  everyStoredDocument,
  mintTestJwt,
  testDbName,
  testInfra,
  TEST_JWT,
  uniquePrefix,
  waitFor,
} from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { start as startContact, type RunningContactService } from '../../contact/src/main';
import { loadContactConfig } from '../../contact/src/config';
import { contactDatabaseNames } from '../../contact/src/store/contact-stores';
import { loadInteractionConfig } from '../../interaction/src/config';
import {
  interactionDatabaseNames,
  start as startInteraction,
  type RunningInteractionService,
} from '../../interaction/src/main';
import { loadTransactionConfig } from '../../transaction/src/config';
import {
  start as startTransaction,
  transactionDatabaseNames,
  type RunningTransactionService,
} from '../../transaction/src/main';
import { loadAnalyticsConfig } from '../../analytics/src/config';
import {
  analyticsDatabaseNames,
  start as startAnalytics,
  type RunningAnalyticsService,
} from '../../analytics/src/main';
import { loadMarketingConfig } from '../../marketing/src/config';
import {
  marketingDatabaseNames,
  start as startMarketing,
  type RunningMarketingService,
} from '../../marketing/src/main';
import { contactServiceClient } from '../src/modules/contact/contact.client';
import { start as startGateway, type RunningGateway } from '../src/main';
import { loadGatewayConfig } from '../src/config';

const infra = testInfra();
const topicPrefix = uniquePrefix('e2e-privacy');
let contact: RunningContactService;
let interaction: RunningInteractionService;
let transaction: RunningTransactionService;
let analytics: RunningAnalyticsService;
let marketing: RunningMarketingService;
let gateway: RunningGateway;
let brokenGateway: RunningGateway;
let mongo: MongoClient;
const contactDb = testDbName('e2e-privacy-contact');
const gatewayDb = testDbName('e2e-privacy-gateway');
const interactionDb = testDbName('e2e-privacy-interaction');
const transactionDb = testDbName('e2e-privacy-transaction');
const analyticsDb = testDbName('e2e-privacy-analytics');
const marketingDb = testDbName('e2e-privacy-marketing');

beforeAll(async () => {
  mongo = await new MongoClient(infra.mongoUrl).connect();
  const common = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    MONGO_SECONDARY_INDEXES: infra.mongoSecondaryIndexes,
    KITH_TOPIC_PREFIX: topicPrefix,
    LOG_LEVEL: 'error',
  };
  contact = await startContact(
    loadContactConfig({
      ...common,
      CONTACT_GRPC_PORT: '0',
      CONTACT_DB_NAME: contactDb,
    }),
  );
  interaction = await startInteraction(
    loadInteractionConfig({
      ...common,
      INTERACTION_GRPC_PORT: '0',
      INTERACTION_DB_NAME: interactionDb,
    }),
  );
  transaction = await startTransaction(
    loadTransactionConfig({
      ...common,
      TRANSACTION_GRPC_PORT: '0',
      TRANSACTION_DB_NAME: transactionDb,
    }),
  );
  analytics = await startAnalytics(
    loadAnalyticsConfig({ ...common, ANALYTICS_GRPC_PORT: '0', ANALYTICS_DB_NAME: analyticsDb }),
  );
  marketing = await startMarketing(
    loadMarketingConfig({ ...common, MARKETING_GRPC_PORT: '0', MARKETING_DB_NAME: marketingDb }),
  );
  const gatewayConfig = {
    ...common,
    GATEWAY_HTTP_PORT: '0',
    GATEWAY_DB_NAME: gatewayDb,
    CONTACT_GRPC_ADDRESS: `127.0.0.1:${contact.grpcPort}`,
    INTERACTION_GRPC_ADDRESS: `127.0.0.1:${interaction.grpcPort}`,
    TRANSACTION_GRPC_ADDRESS: `127.0.0.1:${transaction.grpcPort}`,
    ANALYTICS_GRPC_ADDRESS: `127.0.0.1:${analytics.grpcPort}`,
    MARKETING_GRPC_ADDRESS: `127.0.0.1:${marketing.grpcPort}`,
    KITH_JWT_ISSUER: TEST_JWT.issuer,
    KITH_JWT_AUDIENCE: TEST_JWT.audience,
    KITH_JWT_HS256_SECRET: TEST_JWT.hs256Secret,
    GATEWAY_EXPORT_DEADLINE_MS: '1500',
  };
  gateway = await startGateway(loadGatewayConfig(gatewayConfig));
  // Port 1 on loopback: nothing listens, so the upstream is unavailable.
  brokenGateway = await startGateway(
    loadGatewayConfig({ ...gatewayConfig, PERSONAL_DATA_UPSTREAMS: 'unreachable=127.0.0.1:1' }),
  );
});

afterAll(async () => {
  await brokenGateway?.stop();
  await gateway?.stop();
  await interaction?.stop();
  await transaction?.stop();
  await analytics?.stop();
  await marketing?.stop();
  await contact?.stop();
  await mongo?.close();
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

// Distinctive values, so a hit in a raw document or a response can only be her data.
const HER = {
  firstName: 'Wilhelmina',
  lastName: 'Crowthorne',
  email: 'wilhelmina.crowthorne@example.org',
  phone: '+44 20 7946 0555',
  street: '9 Larkspur Row',
  birthDate: '1979-03-14',
  description: 'neighbour who drives her to the clinic',
};
const hasHerData = (text: string) => Object.values(HER).some((value) => text.includes(value));

function createHer(admin: string, key: string): Promise<Response> {
  return api(gateway, '/v1/contacts', admin, {
    method: 'POST',
    headers: { 'idempotency-key': key },
    body: JSON.stringify({
      name: { firstName: HER.firstName, lastName: HER.lastName },
      emails: [{ address: HER.email }],
      phones: [{ number: HER.phone }],
      addresses: [{ line1: HER.street, city: 'Larkbury', countryCode: 'GB' }],
      birthDate: HER.birthDate,
    }),
  });
}

/** Every document of every collection of the gateway's and the services' databases. */
const everyDocument = () =>
  everyStoredDocument(mongo, [
    gatewayDb,
    ...Object.values(contactDatabaseNames(contactDb)),
    ...Object.values(interactionDatabaseNames(interactionDb)),
    ...Object.values(transactionDatabaseNames(transactionDb)),
    ...Object.values(marketingDatabaseNames(marketingDb)),
    ...Object.values(analyticsDatabaseNames(analyticsDb)),
  ]);

describe('stored Idempotency-Key responses after an erasure', () => {
  it('answers a retried create with 410 and none of her data, and no store keeps it', async () => {
    const admin = mintTestJwt({
      tenant: `tenant-${randomBytes(3).toString('hex')}`,
      roles: ['admin'],
    });
    const key = `create-${randomBytes(4).toString('hex')}`;
    const created = await createHer(admin, key);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await everyDocument()).some(hasHerData)).toBe(true);

    const erased = await api(gateway, `/v1/contacts/${id}/erase`, admin, { method: 'POST' });
    expect(erased.status).toBe(200);
    const replay = await createHer(admin, key);

    expect(replay.status).toBe(410);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    const text = await replay.text();
    expect(JSON.parse(text)).toMatchObject({ type: 'urn:kith:problem:response-erased' });
    expect(hasHerData(text)).toBe(false);
    // The audit consumer and the relay finish the contact service's part a moment later.
    await waitFor(async () => !(await everyDocument()).some(hasHerData), {
      what: 'no stored document naming her',
    });
  });

  it('reaches the stored responses of an erasure made past the gateway (over gRPC)', async () => {
    const tenant = `tenant-${randomBytes(3).toString('hex')}`;
    const admin = mintTestJwt({ tenant, roles: ['admin'] });
    const key = `create-${randomBytes(4).toString('hex')}`;
    const { id } = (await (await createHer(admin, key)).json()) as { id: string };
    const client = contactServiceClient({
      upstream: { address: `127.0.0.1:${contact.grpcPort}`, deadlineMs: 5000 },
      bulkDeadlineMs: 5000,
    });
    try {
      await client.eraser.EraseContact(
        { id, expectedVersion: '0' },
        { tenantId: tenant, userId: 'dpo', roles: ['admin'] },
      );
    } finally {
      client.close();
    }

    // The gateway learns of it from kith.contact.erased.v1.
    await waitFor(async () => (await createHer(admin, key)).status === 410, {
      what: 'the replay to answer 410',
    });
    const replayed = await (await createHer(admin, key)).text();
    expect(hasHerData(replayed)).toBe(false);
  });

  it('answers a retried relationship create with 410 once either side is erased', async () => {
    const admin = mintTestJwt({
      tenant: `tenant-${randomBytes(3).toString('hex')}`,
      roles: ['admin'],
    });
    const { id: herId } = (await (
      await createHer(admin, `her-${randomBytes(4).toString('hex')}`)
    ).json()) as {
      id: string;
    };
    const other = await api(gateway, '/v1/contacts', admin, {
      method: 'POST',
      body: JSON.stringify({ name: { firstName: 'Bram', lastName: 'Other' } }),
    });
    const { id: otherId } = (await other.json()) as { id: string };
    const relate = () =>
      api(gateway, '/v1/relationships', admin, {
        method: 'POST',
        headers: { 'idempotency-key': 'relate-1' },
        body: JSON.stringify({
          typeCode: 'spouse-of',
          contactAId: otherId,
          contactBId: herId,
          description: HER.description,
        }),
      });
    expect((await relate()).status).toBe(201);

    await api(gateway, `/v1/contacts/${herId}/erase`, admin, { method: 'POST' });
    const replay = await relate();

    expect(replay.status).toBe(410);
    expect(hasHerData(await replay.text())).toBe(false);
  });

  it('answers a retried interaction create with 410 once a participant is erased', async () => {
    const admin = mintTestJwt({
      tenant: `tenant-${randomBytes(3).toString('hex')}`,
      roles: ['admin'],
    });
    const { id: herId } = (await (
      await createHer(admin, `her-${randomBytes(4).toString('hex')}`)
    ).json()) as { id: string };
    const log = () =>
      api(gateway, '/v1/interactions', admin, {
        method: 'POST',
        headers: { 'idempotency-key': 'call-1' },
        body: JSON.stringify({
          type: 'call',
          occurredAt: '2026-12-01T10:00:00Z',
          subject: `Called ${HER.firstName} ${HER.lastName}`,
          body: HER.description,
          participantContactIds: [herId],
        }),
      });
    // The interaction service learns of her from kith.contact.v1 a moment after the create
    // (until then her timeline is 404 and a call with her 422, which a key would keep).
    await waitFor(
      async () => (await api(gateway, `/v1/contacts/${herId}/timeline`, admin)).status === 200,
      { what: 'her timeline' },
    );
    const first = await log();
    expect(first.status).toBe(201);
    expect(hasHerData(await first.text())).toBe(true);

    await api(gateway, `/v1/contacts/${herId}/erase`, admin, { method: 'POST' });
    const replay = await log();

    expect(replay.status).toBe(410);
    expect(hasHerData(await replay.text())).toBe(false);
    await waitFor(async () => !(await everyDocument()).some(hasHerData), {
      what: 'no stored document naming her',
    });
  });
});
