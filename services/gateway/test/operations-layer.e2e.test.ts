// The operations layer end to end, through the gateway only (HTTP), into the real contact,
// interaction and transaction services on the test servers: a person gives (with an
// Idempotency-Key) and the gift shows on their timeline and in their giving; an email about it
// dropped into /v1/interactions/mail shows on the same timeline; the household member the gift
// soft-credits sees a soft credit and no hard credit; a partial refund shows on the timeline and
// nets in giving; a duplicate who gave and was called is merged in, and their history shows on
// the survivor's timeline and giving; then an erasure, after which no stored document of either
// service holds the person's values and their gift is on nobody's timeline as given. The
// services learn of each other only through Kafka, so the test waits where they must catch up.
import { randomBytes, randomUUID } from 'node:crypto';
import { everyStoredDocument, mintTestJwt, waitFor } from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { interactionDatabaseNames } from '../../interaction/src/main';
import { transactionDatabaseNames } from '../../transaction/src/main';
import { createPerson, e2eApi, type E2eApi } from './support/e2e-api';
import { householdKnownToGifts } from './support/e2e-household';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let mongo: MongoClient;
let api: E2eApi;
let token: string;
const tag = randomBytes(4).toString('hex');
const person = (first: string) => ({
  firstName: `${first}${tag}`,
  lastName: `Oakhurst${tag}`,
  email: `${first.toLowerCase()}.${tag}@example.org`,
});
const jane = person('Jane');
const john = person('John');
const janet = person('Janet');

beforeAll(async () => {
  stack = await startE2eStack('e2e-operations');
  token = mintTestJwt({ tenant: `tenant-${tag}`, roles: ['admin'] });
  api = e2eApi(stack.baseUrl, token);
  mongo = await new MongoClient(stack.interactionDb.mongoUrl).connect();
});

afterAll(async () => {
  await stack?.stop();
  await mongo?.close();
});

interface Entry {
  kind: string;
  occurredAt: string;
  interaction: { id: string; type: string } | null;
  gift: Record<string, unknown> | null;
  softCredit: Record<string, unknown> | null;
  refund: { id: string; amountMinor: number } | null;
}

const create = (values: typeof jane) => createPerson(api, values);

const timeline = async (id: string) => {
  const res = await api('GET', `/v1/contacts/${id}/timeline?limit=50`);
  return { status: res.status, body: res.body, entries: (res.body.data ?? []) as Entry[] };
};
const kindsOn = async (id: string) =>
  (await timeline(id)).entries.map(
    (e) => `${e.kind}:${String(e.gift?.donationId ?? e.interaction?.id ?? '')}`,
  );

/** Waits until the contact's timeline (as kind:id) is `expected`, newest first. */
const timelineBecomes = (id: string, expected: string[]) =>
  waitFor(
    async () => {
      const { entries } = await timeline(id);
      const got = entries.map(
        (e) => `${e.kind}:${e.refund?.id ?? e.gift?.donationId ?? e.interaction?.id}`,
      );
      return JSON.stringify(got) === JSON.stringify(expected) ? entries : undefined;
    },
    { what: `the timeline of ${id} to be ${expected.join(', ')}` },
  );

const giving = async (id: string) => {
  const res = await api('GET', `/v1/contacts/${id}/giving`);
  const usd = (res.body.currencies as Array<Record<string, unknown>> | undefined)?.find(
    (c) => c.currency === 'USD',
  );
  return { status: res.status, body: res.body, usd };
};

async function give(donorId: string, amountMinor: number, receivedAt: string) {
  const res = await api('POST', '/v1/donations', {
    headers: { 'idempotency-key': randomUUID() },
    body: {
      donorId,
      amount: { amountMinor, currency: 'USD' },
      receivedAt,
      paymentMethod: 'card',
      fund: 'Roof appeal',
      campaignId: `spring-${tag}`,
      externalReference: `ch_${tag}_${amountMinor}`,
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

function mailFrom(values: typeof jane, subject: string): string {
  return [
    `From: ${values.firstName} ${values.lastName} <${values.email}>`,
    'To: Office <office@charity.example>',
    `Subject: ${subject}`,
    `Message-ID: <gift-${tag}@mail.example>`,
    'Date: Tue, 02 Dec 2025 08:00:00 +0000',
    '',
    `Thank you for the receipt. ${values.firstName} ${values.lastName}`,
    '',
  ].join('\r\n');
}

/** Every document of every collection of both services' databases, as text. */
const storedDocuments = () =>
  everyStoredDocument(mongo, [
    ...Object.values(interactionDatabaseNames(stack.interactionDb.name)),
    ...Object.values(transactionDatabaseNames(stack.transactionDb.name)),
  ]);

test('a gift, a mail about it, a soft credit, a partial refund, a merge and an erasure, on one timeline', async () => {
  const janeId = await create(jane);
  const johnId = await create(john);
  // The automatic soft credit needs the transaction service to know the household; the
  // timeline needs the interaction service to know Jane.
  await householdKnownToGifts(api, stack, mongo, [janeId, johnId]);
  await waitFor(async () => (await timeline(janeId)).status === 200, { what: "Jane's timeline" });

  // She gives.
  const gift = await give(janeId, 15000, '2025-11-30T09:00:00Z');
  const giftId = gift.id as string;
  expect(gift.softCredits).toEqual([
    expect.objectContaining({ contactId: johnId, type: 'household_member', automatic: true }),
  ]);
  const [given] = await timelineBecomes(janeId, [`gift:${giftId}`]);
  expect(given).toMatchObject({
    occurredAt: '2025-11-30T09:00:00.000Z',
    gift: {
      donorId: janeId,
      amount: { amountMinor: 15000, currency: 'USD' },
      net: { amountMinor: 15000, currency: 'USD' },
      status: 'completed',
      fund: 'Roof appeal',
      campaignId: `spring-${tag}`,
      receivedAt: '2025-11-30T09:00:00.000Z',
    },
  });
  expect((await giving(janeId)).usd).toMatchObject({ hardTotalMinor: 15000, giftCount: 1 });

  // She writes about it; the mail lands on the same timeline, newest first.
  const dropped = await fetch(`${stack.baseUrl}/v1/interactions/mail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
    body: mailFrom(jane, `About my gift, ${jane.firstName}`),
  });
  expect(dropped.status).toBe(201);
  const mailId = ((await dropped.json()) as { interaction: { id: string } }).interaction.id;
  expect(await kindsOn(janeId)).toEqual([`interaction:${mailId}`, `gift:${giftId}`]);

  // John, her household member, is soft-credited: a soft credit, no gift, no hard credit.
  const [credited] = await timelineBecomes(johnId, [`soft_credit:${giftId}`]);
  expect(credited).toMatchObject({
    gift: { donorId: janeId },
    softCredit: { type: 'household_member', amountMinor: 15000, netMinor: 15000, automatic: true },
  });
  expect((await giving(johnId)).usd).toMatchObject({
    hardTotalMinor: 0,
    softTotalMinor: 15000,
    giftCount: 0,
    softCreditCount: 1,
  });

  // A partial refund (made now, so newest): its own entry, and the gift shows the net; giving
  // nets too.
  const refunded = await api('POST', `/v1/donations/${giftId}/refunds`, {
    headers: { 'idempotency-key': randomUUID() },
    body: { amountMinor: 5000, reason: `asked by ${jane.firstName}` },
  });
  expect(refunded.status).toBe(201);
  const refundId = (refunded.body.refund as { id: string }).id;
  const afterRefund = await timelineBecomes(janeId, [
    `refund:${refundId}`,
    `interaction:${mailId}`,
    `gift:${giftId}`,
  ]);
  expect(afterRefund[0]).toMatchObject({
    refund: { amountMinor: 5000 },
    gift: { status: 'partially_refunded', net: { amountMinor: 10000, currency: 'USD' } },
  });
  expect(afterRefund[2]?.gift).toMatchObject({ net: { amountMinor: 10000, currency: 'USD' } });
  expect((await giving(janeId)).usd).toMatchObject({ hardTotalMinor: 10000, refundedMinor: 5000 });
  expect((await giving(johnId)).usd).toMatchObject({ softTotalMinor: 10000 });

  // Janet, a duplicate of Jane, gave and was called; merged into Jane, her history is Jane's.
  const janetId = await create(janet);
  await waitFor(async () => (await timeline(janetId)).status === 200, { what: "Janet's timeline" });
  const janetGift = (await give(janetId, 2000, '2025-10-15T09:00:00Z')).id as string;
  const call = await api('POST', '/v1/interactions', {
    headers: { 'idempotency-key': randomUUID() },
    body: {
      type: 'call',
      occurredAt: '2025-10-16T10:00:00Z',
      subject: `Thanked ${janet.firstName}`,
      participantContactIds: [janetId],
    },
  });
  expect(call.status).toBe(201);
  const callId = call.body.id as string;
  await timelineBecomes(janetId, [`interaction:${callId}`, `gift:${janetGift}`]);
  const merged = await api('POST', `/v1/contacts/${janeId}/merge`, { body: { victimId: janetId } });
  expect(merged.status).toBe(200);

  await timelineBecomes(janeId, [
    `refund:${refundId}`,
    `interaction:${mailId}`,
    `gift:${giftId}`,
    `interaction:${callId}`,
    `gift:${janetGift}`,
  ]);
  const survivorGiving = await waitFor(
    async () => {
      const now = (await giving(janeId)).usd;
      return now?.giftCount === 2 ? now : undefined;
    },
    { what: "Janet's gift in Jane's giving" },
  );
  expect(survivorGiving).toMatchObject({ hardTotalMinor: 12000 });
  expect(await timeline(janetId)).toMatchObject({ status: 404, body: { mergedInto: janeId } });
  expect(await giving(janetId)).toMatchObject({ status: 404, body: { mergedInto: janeId } });
  expect(JSON.stringify(await storedDocuments())).toContain(jane.email);

  // Erased: nothing of either person stays in either service, and her gifts are on nobody's
  // timeline as given (John keeps his credit, without a donor).
  const erased = await api('POST', `/v1/contacts/${janeId}/erase`);
  expect(erased.status).toBe(200);

  const needles = [...Object.values(jane), ...Object.values(janet)].map((v) => v.toLowerCase());
  const documents = await waitFor(
    async () => {
      const all = await storedDocuments();
      const leaks = all.filter((doc) => needles.some((n) => doc.toLowerCase().includes(n)));
      return leaks.length === 0 ? all : undefined;
    },
    { what: "no stored document of either service with the erased person's values" },
  );
  expect(documents.some((d) => d.includes('.timeline_gifts: '))).toBe(true);
  expect(documents.some((d) => d.includes('.donations: '))).toBe(true);
  const timelineGifts = mongo.db(stack.interactionDb.name).collection('timeline_gifts');
  await waitFor(async () => (await timelineGifts.countDocuments({ donorId: janeId })) === 0, {
    what: 'no timeline gift naming her as donor',
  });
  const [kept] = await timelineBecomes(johnId, [`soft_credit:${giftId}`]);
  expect(kept?.gift).toMatchObject({ donorId: null, net: { amountMinor: 10000 } });
  expect(await timeline(janeId)).toMatchObject({ status: 404 });
});
