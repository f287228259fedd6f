// A create that the contact service completes after the gateway's deadline: the client gets
// 504, the gateway releases its Idempotency-Key (nothing was promised), and the client's retry
// reaches the service again. The service's key record (@kith/idempotency) makes the retry
// answer the record the first attempt stored: one record, the same id. A delaying proxy between
// the gateway and the contact service holds the first answer past the deadline, so the first
// call is really served, not refused before it starts.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, startDelayingProxy, waitFor, type DelayingProxy } from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { e2eApi, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

// Long enough for the service to store the create within the call's budget (it refuses writes
// once the deadline has passed), even on a loaded machine; the answer is then held past it.
const DEADLINE_MS = 2000;
let stack: E2eStack;
let proxy: DelayingProxy | undefined;
let mongo: MongoClient;
let api: E2eApi;

beforeAll(async () => {
  stack = await startE2eStack(
    'e2e-idempotent-create',
    { GATEWAY_GRPC_DEADLINE_MS: String(DEADLINE_MS) },
    {
      contactAddress: async (port) => {
        proxy = await startDelayingProxy(port);
        return `127.0.0.1:${proxy.port}`;
      },
    },
  );
  const token = mintTestJwt({
    tenant: `tenant-${randomBytes(3).toString('hex')}`,
    roles: ['admin'],
  });
  api = e2eApi(stack.baseUrl, token);
  mongo = await new MongoClient(stack.contactDb.mongoUrl).connect();
});

afterAll(async () => {
  await stack?.stop();
  await proxy?.stop();
  await mongo?.close();
});

afterEach(() => proxy?.delayAnswers(0));

const stored = (collection: string, filter: Record<string, unknown>) =>
  mongo.db(stack.contactDb.name).collection(collection).find(filter).toArray();

/** The first attempt's answer is held past the deadline; it is stored all the same. */
async function firstAttemptTimesOut(path: string, body: unknown, key: string) {
  // The connection is open first, so only the answer is late, not the call's setup.
  expect((await api('GET', '/v1/contacts?limit=1')).status).toBe(200);
  proxy?.delayAnswers(DEADLINE_MS * 2);
  const first = await api('POST', path, { body, headers: { 'idempotency-key': key } });
  proxy?.delayAnswers(0);
  // The late answer goes first on its connection: the retry's must not queue behind it.
  await proxy?.flushed();
  return first;
}

test('a contact created after the gateway timed out is answered to the retry, not created twice', async () => {
  const key = `retry-${randomBytes(6).toString('hex')}`;
  const tag = `idem-${key}`;
  const body = { name: { firstName: 'Late', lastName: 'Arrival' }, tags: [tag] };

  const first = await firstAttemptTimesOut('/v1/contacts', body, key);
  const storedFirst = await waitFor(
    async () => {
      const found = await stored('contacts', { tags: tag });
      return found.length > 0 ? found : undefined;
    },
    { what: "the first attempt's contact" },
  );
  const retry = await api('POST', '/v1/contacts', { body, headers: { 'idempotency-key': key } });
  const again = await api('POST', '/v1/contacts', { body, headers: { 'idempotency-key': key } });

  expect(first.status).toBe(504);
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(storedFirst[0]?._id);
  expect(retry.headers.get('location')).toBe(`/v1/contacts/${String(retry.body.id)}`);
  expect(again.body.id).toBe(retry.body.id);
  expect(await stored('contacts', { tags: tag })).toHaveLength(1);
});

test('a household created after the gateway timed out is answered to the retry, not created twice', async () => {
  const key = `retry-${randomBytes(6).toString('hex')}`;
  const nameOverride = `The ${key} household`;

  const first = await firstAttemptTimesOut('/v1/households', { nameOverride }, key);
  const storedFirst = await waitFor(
    async () => {
      const found = await stored('households', { nameOverride });
      return found.length > 0 ? found : undefined;
    },
    { what: "the first attempt's household" },
  );
  const retry = await api('POST', '/v1/households', {
    body: { nameOverride },
    headers: { 'idempotency-key': key },
  });

  expect(first.status).toBe(504);
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(storedFirst[0]?._id);
  expect(await stored('households', { nameOverride })).toHaveLength(1);
});

test('a retry under the key of a timed-out create with another body is refused with 422', async () => {
  const key = `retry-${randomBytes(6).toString('hex')}`;
  const tag = `idem-${key}`;
  const body = { name: { firstName: 'First', lastName: 'Body' }, tags: [tag] };

  const first = await firstAttemptTimesOut('/v1/contacts', body, key);
  await waitFor(async () => (await stored('contacts', { tags: tag })).length > 0, {
    what: "the first attempt's contact",
  });
  const other = await api('POST', '/v1/contacts', {
    body: { ...body, name: { firstName: 'Other', lastName: 'Body' } },
    headers: { 'idempotency-key': key },
  });

  expect(first.status).toBe(504);
  expect(other.status).toBe(422);
  expect(other.body.type).toBe('urn:kith:problem:idempotency-key-reused');
  expect(other.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(await stored('contacts', { tags: tag })).toHaveLength(1);
});
