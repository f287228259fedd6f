// End to end through the gateway into the real contact, transaction and analytics services:
// two donors each give 150.00 USD and the dashboard shows 30000 minor USD from 2 donors; a
// refund nets; a merge of the two makes one donor; an erasure keeps the total, and the GDPR
// export has an analytics section until then. The analytics service learns everything from
// events, so each step polls the dashboard until it shows the change.
import { randomBytes, randomUUID } from 'node:crypto';
import { mintTestJwt, storedDocumentTexts, waitFor } from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { createPerson, e2eApi, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let api: E2eApi;
const tag = randomBytes(4).toString('hex');
const person = (name: string) =>
  createPerson(api, {
    firstName: `${name}${tag}`,
    lastName: `Donor${tag}`,
    email: `${name}.${tag}@example.org`,
  });

beforeAll(async () => {
  stack = await startE2eStack('e2e-analytics');
  api = e2eApi(stack.baseUrl, mintTestJwt({ tenant: `tenant-${tag}`, roles: ['admin'] }));
});

afterAll(async () => {
  await stack?.stop();
});

async function give(donorId: string, amountMinor: number): Promise<string> {
  const res = await api('POST', '/v1/donations', {
    headers: { 'idempotency-key': randomUUID() },
    body: {
      donorId,
      amount: { amountMinor, currency: 'USD' },
      receivedAt: '2026-03-15T09:00:00Z',
      paymentMethod: 'card',
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

type Usd = { raisedMinor: number; gifts: number; donors: number };

/** Polls the 2026 USD dashboard until `ready` holds. */
const usdWhen = (ready: (usd: Usd) => boolean, what: string) =>
  waitFor(
    async () => {
      const res = await api('GET', '/v1/analytics/dashboard?fiscalYear=2026&currency=USD');
      const usd = (res.body.currencies as Usd[] | undefined)?.[0];
      return usd && ready(usd) ? usd : undefined;
    },
    { what, timeoutMs: 30000 },
  );

test('two gifts, a refund, a merge and an erasure, on the dashboard through the gateway', async () => {
  const [ann, ben] = [await person('Ann'), await person('Ben')];
  const annGift = await give(ann, 15000);
  await give(ben, 15000);

  expect(await usdWhen((u) => u.gifts === 2, 'both gifts on the dashboard')).toMatchObject({
    raisedMinor: 30000,
    gifts: 2,
    donors: 2,
    averageGiftMinor: 15000,
    newDonors: 2,
  });

  const refund = await api('POST', `/v1/donations/${annGift}/refunds`, {
    headers: { 'idempotency-key': randomUUID() },
    body: { amountMinor: 5000 },
  });
  expect(refund.status).toBe(201);
  expect(await usdWhen((u) => u.raisedMinor !== 30000, 'the refund netted')).toMatchObject({
    raisedMinor: 25000,
    gifts: 2,
    donors: 2,
  });

  const exported = await api('GET', `/v1/contacts/${ann}/export`);
  const analytics = (
    exported.body.services as Record<string, { sections: Record<string, unknown> }>
  ).analytics;
  expect(analytics?.sections.giftFacts).toMatchObject({
    contactId: ann,
    facts: [
      expect.objectContaining({ donationId: annGift, amountMinor: 15000, refundedMinor: 5000 }),
    ],
  });

  const merged = await api('POST', `/v1/contacts/${ann}/merge`, { body: { victimId: ben } });
  expect(merged.status).toBe(200);
  expect(await usdWhen((u) => u.donors === 1, 'the merged pair as one donor')).toMatchObject({
    raisedMinor: 25000,
    gifts: 2,
    donors: 1,
  });

  const erased = await api('POST', `/v1/contacts/${ann}/erase`);
  expect(erased.status).toBe(200);
  // The erasure reached the analytics service: no stored fact names the person any more.
  const mongo = await new MongoClient(stack.analyticsDb.mongoUrl).connect();
  try {
    await waitFor(
      async () => {
        const db = mongo.db(stack.analyticsDb.name);
        const facts = (await storedDocumentTexts(db, stack.analyticsDb.name)).filter((text) =>
          text.startsWith(`${stack.analyticsDb.name}.gift_facts:`),
        );
        return facts.length === 2 && facts.every((text) => !text.includes(ann));
      },
      { what: 'the erased donor gone from the gift facts' },
    );
  } finally {
    await mongo.close();
  }
  expect(await usdWhen(() => true, 'the dashboard after the erasure')).toMatchObject({
    raisedMinor: 25000,
    gifts: 2,
    donors: 1,
  });
});
