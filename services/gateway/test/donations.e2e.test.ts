// End to end through the gateway into the real contact and transaction services: a person gives
// 150.00 USD and their giving shows it; the household member the gift soft-credits sees soft
// credit and no hard credit; a partial refund shows and nets; a refund over what remains is 422;
// a POST without Idempotency-Key is 428. Then a merge (the survivor's giving includes the
// victim's gift) and an erasure (the gift stays, and no stored document of the transaction
// service holds the person's values). The transaction service learns contacts only from
// kith.contact.v1; where the test must wait for it, it polls the gateway (or, for the household
// the service's projection must know before the gift, the projection itself).
import { randomBytes, randomUUID } from 'node:crypto';
import { mintTestJwt, storedDocumentTexts, waitFor } from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { createPerson, e2eApi, type E2eApi } from './support/e2e-api';
import { householdKnownToGifts } from './support/e2e-household';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let mongo: MongoClient;
let api: E2eApi;
const tag = randomBytes(4).toString('hex');
const jane = { firstName: `Jane${tag}`, lastName: `Giver${tag}`, email: `jane.${tag}@example.org` };
const janet = {
  firstName: `Janet${tag}`,
  lastName: `Giver${tag}`,
  email: `janet.${tag}@example.org`,
};

beforeAll(async () => {
  stack = await startE2eStack('e2e-donations');
  api = e2eApi(stack.baseUrl, mintTestJwt({ tenant: `tenant-${tag}`, roles: ['admin'] }));
  mongo = await new MongoClient(stack.transactionDb.mongoUrl).connect();
});

afterAll(async () => {
  await stack?.stop();
  await mongo?.close();
});

const key = () => ({ 'idempotency-key': randomUUID() });

const person = (values: typeof jane) => createPerson(api, values);

async function give(donorId: string, amountMinor: number): Promise<Record<string, unknown>> {
  const res = await api('POST', '/v1/donations', {
    headers: key(),
    body: {
      donorId,
      amount: { amountMinor, currency: 'USD' },
      receivedAt: '2026-11-30T09:00:00Z',
      paymentMethod: 'card',
      externalReference: `ch_${tag}`,
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const givingOf = async (id: string) => (await api('GET', `/v1/contacts/${id}/giving`)).body;
const usd = (giving: Record<string, unknown>) =>
  (giving.currencies as Array<Record<string, unknown>>).find((c) => c.currency === 'USD');

test('a gift, its soft credit, a partial refund, then a merge and an erasure, through the gateway', async () => {
  const janeId = await person(jane);
  const johnId = await person({
    ...jane,
    firstName: `John${tag}`,
    email: `john.${tag}@example.org`,
  });
  // The gift's automatic soft credit needs the transaction service to know the household.
  await householdKnownToGifts(api, stack, mongo, [janeId, johnId]);

  const gift = await give(janeId, 15000);
  const noKey = await api('POST', '/v1/donations', {
    body: { donorId: janeId, amount: { amountMinor: 100, currency: 'USD' } },
  });

  expect(gift).toMatchObject({
    donorId: janeId,
    amount: { amountMinor: 15000, currency: 'USD' },
    softCredits: [
      { contactId: johnId, type: 'household_member', amountMinor: 15000, automatic: true },
    ],
  });
  expect(noKey.status).toBe(428);
  expect(noKey.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(usd(await givingOf(janeId))).toMatchObject({
    hardTotalMinor: 15000,
    softTotalMinor: 0,
    giftCount: 1,
    largestGiftMinor: 15000,
  });
  expect(usd(await givingOf(johnId))).toMatchObject({
    hardTotalMinor: 0,
    softTotalMinor: 15000,
    giftCount: 0,
    softCreditCount: 1,
  });

  const refund = await api('POST', `/v1/donations/${String(gift.id)}/refunds`, {
    headers: key(),
    body: { amountMinor: 5000, reason: `asked by ${jane.firstName}` },
  });
  const over = await api('POST', `/v1/donations/${String(gift.id)}/refunds`, {
    headers: key(),
    body: { amountMinor: 10001 },
  });

  expect(refund.status).toBe(201);
  expect(refund.body.donation).toMatchObject({
    status: 'partially_refunded',
    net: { amountMinor: 10000, currency: 'USD' },
  });
  expect(over.status).toBe(422);
  expect(over.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(over.body.detail).toMatch(/10000 USD minor units left to refund/);
  expect(usd(await givingOf(janeId))).toMatchObject({ hardTotalMinor: 10000, refundedMinor: 5000 });
  expect(usd(await givingOf(johnId))).toMatchObject({ softTotalMinor: 10000 });

  // A duplicate of Jane gives too, and is merged into her.
  const janetId = await person(janet);
  const janetGift = await give(janetId, 2000);
  const merged = await api('POST', `/v1/contacts/${janeId}/merge`, { body: { victimId: janetId } });
  expect(merged.status).toBe(200);

  const survivorGiving = await waitFor(
    async () => {
      const now = usd(await givingOf(janeId));
      return now?.giftCount === 2 ? now : undefined;
    },
    { what: "the victim's gift in the survivor's giving" },
  );
  expect(survivorGiving).toMatchObject({ hardTotalMinor: 12000, giftCount: 2 });
  const victimGiving = await api('GET', `/v1/contacts/${janetId}/giving`);
  expect(victimGiving.status).toBe(404);
  expect(victimGiving.body.mergedInto).toBe(janeId);
  expect((await api('GET', `/v1/donations/${String(janetGift.id)}`)).body.donorId).toBe(janeId);

  const exported = await api('GET', `/v1/contacts/${janeId}/export`);
  expect(exported.status).toBe(200);
  const transaction = (
    exported.body.services as Record<string, { sections: Record<string, unknown> }>
  ).transaction;
  expect(transaction?.sections.donations).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ id: gift.id, externalReference: `ch_${tag}` }),
      expect.objectContaining({ id: janetGift.id }),
    ]),
  );

  const erased = await api('POST', `/v1/contacts/${janeId}/erase`);
  expect(erased.status).toBe(200);

  const kept = await waitFor(
    async () => {
      const read = await api('GET', `/v1/donations/${String(gift.id)}`);
      return read.body.donorId === null ? read.body : undefined;
    },
    { what: 'the erased donor gone from the gift' },
  );
  expect(kept).toMatchObject({
    amount: { amountMinor: 15000, currency: 'USD' },
    net: { amountMinor: 10000, currency: 'USD' },
    externalReference: null,
  });
  const needles = [...Object.values(jane), ...Object.values(janet)].map((v) => v.toLowerCase());
  const leaks = await waitFor(
    async () => {
      const documents = await everyTransactionDocument();
      const found = documents.filter((doc) => needles.some((n) => doc.toLowerCase().includes(n)));
      return found.length === 0 ? documents : undefined;
    },
    { what: "no stored transaction document with the erased person's values" },
  );
  expect(leaks.length).toBeGreaterThan(0);
  expect(usd(await givingOf(johnId))).toMatchObject({ softTotalMinor: 10000 });
});

/** Every document of every collection of the transaction service's databases, as text. */
async function everyTransactionDocument(): Promise<string[]> {
  const names = [stack.transactionDb.name, `${stack.transactionDb.name}_outbox`];
  const texts = await Promise.all(names.map((name) => storedDocumentTexts(mongo.db(name), name)));
  return texts.flat();
}

it("forgets an erased honoree's name in the gift made in their memory, and in its stored answer", async () => {
  const honoree = {
    firstName: `Ada${tag}`,
    lastName: `Remembered${tag}`,
    email: `ada.${tag}@example.org`,
  };
  const [honoreeId, donorId] = await Promise.all([
    person(honoree),
    person({ firstName: `Don${tag}`, lastName: `Or${tag}`, email: `don.${tag}@example.org` }),
  ]);
  const memorial = await waitFor(
    async () => {
      const res = await api('POST', '/v1/donations', {
        headers: key(),
        body: {
          donorId,
          amount: { amountMinor: 2500, currency: 'GBP' },
          receivedAt: '2026-11-30T09:00:00Z',
          paymentMethod: 'cash',
          tribute: {
            type: 'in_memory_of',
            honoreeName: `${honoree.firstName} ${honoree.lastName}`,
            honoreeContactId: honoreeId,
          },
        },
      });
      // 422 until the transaction service has learnt the new contacts from kith.contact.v1.
      return res.status === 201 ? res.body : undefined;
    },
    { what: 'the memorial gift recorded' },
  );
  const needles = Object.values(honoree).map((v) => v.toLowerCase());
  const leaksIn = (documents: string[]) =>
    documents.filter((doc) => needles.some((n) => doc.toLowerCase().includes(n)));
  const gatewayDocuments = () =>
    storedDocumentTexts(mongo.db(stack.gatewayDb.name), stack.gatewayDb.name);
  expect(leaksIn(await gatewayDocuments())).not.toEqual([]);

  expect((await api('POST', `/v1/contacts/${honoreeId}/erase`)).status).toBe(200);

  await waitFor(
    async () =>
      leaksIn([...(await gatewayDocuments()), ...(await everyTransactionDocument())]).length === 0,
    { what: "no stored gateway or transaction document with the honoree's values" },
  );
  const kept = await api('GET', `/v1/donations/${String(memorial.id)}`);
  expect(kept.body).toMatchObject({
    donorId,
    amount: { amountMinor: 2500, currency: 'GBP' },
    tribute: { type: 'in_memory_of', honoreeName: null, honoreeContactId: null },
  });
});
