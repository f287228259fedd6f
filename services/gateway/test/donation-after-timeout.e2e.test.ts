// A gift or a refund that the transaction service completes after the gateway's deadline: the
// client gets 504, the gateway releases its Idempotency-Key (nothing was promised), and the
// client's retry reaches the service again. The service's own key record (@kith/idempotency)
// makes the retry answer what the first attempt stored: one gift with the same id, one refund,
// never a second. A delaying proxy between the gateway and the transaction service holds the
// first answer past the deadline, so the first call is really served, not refused before it
// starts.
import { randomBytes, randomUUID } from 'node:crypto';
import { mintTestJwt, startDelayingProxy, waitFor, type DelayingProxy } from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { e2eApi, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

// Long enough for the service to store the write within the call's budget (it refuses writes
// once the deadline has passed), even on a loaded machine; the answer is then held past it.
const DEADLINE_MS = 2000;
let stack: E2eStack;
let proxy: DelayingProxy | undefined;
let mongo: MongoClient;
let api: E2eApi;
let donorId: string;

beforeAll(async () => {
  stack = await startE2eStack(
    'e2e-donation-timeout',
    { GATEWAY_GRPC_DEADLINE_MS: String(DEADLINE_MS) },
    {
      transactionAddress: async (port) => {
        proxy = await startDelayingProxy(port);
        return `127.0.0.1:${proxy.port}`;
      },
    },
  );
  api = e2eApi(
    stack.baseUrl,
    mintTestJwt({ tenant: `tenant-${randomBytes(3).toString('hex')}`, roles: ['admin'] }),
  );
  mongo = await new MongoClient(stack.transactionDb.mongoUrl).connect();
  const person = await api('POST', '/v1/contacts', { body: { name: { firstName: 'Late' } } });
  donorId = person.body.id as string;
  // A first gift with no delay: the service's projection knows the donor from then on, so the
  // timed-out attempts below spend their budget storing, not waiting for the contact.
  const warmUp = await api('POST', '/v1/donations', { headers: key(), body: gift('warm-up') });
  expect(warmUp.status).toBe(201);
});

afterAll(async () => {
  await stack?.stop();
  await proxy?.stop();
  await mongo?.close();
});

afterEach(() => proxy?.delayAnswers(0));

const key = () => ({ 'idempotency-key': randomUUID() });

const gift = (reference: string) => ({
  donorId,
  amount: { amountMinor: 15000, currency: 'USD' },
  receivedAt: '2026-11-30T09:00:00Z',
  paymentMethod: 'card',
  externalReference: reference,
});

const stored = (filter: Record<string, unknown>) =>
  mongo.db(stack.transactionDb.name).collection('donations').find(filter).toArray();

/** The first attempt's answer is held past the deadline; it is stored all the same. */
async function firstAttemptTimesOut(path: string, body: unknown, headers: Record<string, string>) {
  // The connection is open first, so only the answer is late, not the call's setup.
  expect((await api('GET', '/v1/donations?limit=1')).status).toBe(200);
  proxy?.delayAnswers(DEADLINE_MS * 2);
  const first = await api('POST', path, { body, headers });
  proxy?.delayAnswers(0);
  // The late answer goes first on its connection: the retry's must not queue behind it.
  await proxy?.flushed();
  return first;
}

test('a gift recorded after the gateway timed out is answered to the retry, not recorded twice', async () => {
  const reference = `ch_${randomBytes(6).toString('hex')}`;
  const headers = key();

  const first = await firstAttemptTimesOut('/v1/donations', gift(reference), headers);
  const storedFirst = await waitFor(
    async () => {
      const found = await stored({ externalReference: reference });
      return found.length > 0 ? found : undefined;
    },
    { what: "the first attempt's gift" },
  );
  const retry = await api('POST', '/v1/donations', { body: gift(reference), headers });
  const again = await api('POST', '/v1/donations', { body: gift(reference), headers });

  expect(first.status).toBe(504);
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(storedFirst[0]?._id);
  expect(retry.headers.get('location')).toBe(`/v1/donations/${String(retry.body.id)}`);
  expect(again.body.id).toBe(retry.body.id);
  expect(await stored({ externalReference: reference })).toHaveLength(1);
});

test('a refund made after the gateway timed out is answered to the retry, never made twice', async () => {
  const created = await api('POST', '/v1/donations', {
    headers: key(),
    body: gift(`ch_${randomBytes(6).toString('hex')}`),
  });
  const id = String(created.body.id);
  const headers = key();
  const body = { amountMinor: 4000, reason: 'charged twice' };

  const first = await firstAttemptTimesOut(`/v1/donations/${id}/refunds`, body, headers);
  const refunded = await waitFor(
    async () => {
      const [doc] = await stored({ _id: id });
      return (doc?.refunds as unknown[] | undefined)?.length === 1 ? doc : undefined;
    },
    { what: "the first attempt's refund" },
  );
  const retry = await api('POST', `/v1/donations/${id}/refunds`, { body, headers });
  const again = await api('POST', `/v1/donations/${id}/refunds`, { body, headers });

  expect(first.status).toBe(504);
  expect(retry.status).toBe(201);
  expect((retry.body.refund as { id: string }).id).toBe(
    (refunded.refunds as Array<{ id: string }>)[0]?.id,
  );
  expect((again.body.refund as { id: string }).id).toBe((retry.body.refund as { id: string }).id);
  expect(retry.body.donation).toMatchObject({ net: { amountMinor: 11000, currency: 'USD' } });
  const [after] = await stored({ _id: id });
  expect(after?.refunds).toHaveLength(1);
  expect(after?.refundedMinor).toBe(4000);
});
