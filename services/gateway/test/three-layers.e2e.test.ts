// The three layers end to end, through the gateway only (HTTP), into all five real services on
// the test servers, with the test profile's Mailpit as the SMTP relay. Operations: two people
// (one opted out of email) each give 150.00 USD and both timelines show the gift. Analytics: the
// dashboard shows 300.00 USD from 2 donors. Engagement: a segment "gave ≥ 100 USD in the last 12
// months" counts 2; an email campaign to it delivers exactly one message to Mailpit and counts
// one exclusion as opted-out; the recipient's timeline shows the campaign email, and her reply
// dropped into the mail endpoint shows as an inbound email on the same timeline. Then her
// duplicate (who gave too) is merged into her and an erasure follows, each checked in every
// service. The services learn of each other only through Kafka, so the test waits where they
// must catch up.
import { randomBytes, randomUUID } from 'node:crypto';
import { everyStoredDocument, mintTestJwt, waitFor } from '@kith/testkit';
import { MongoClient } from 'mongodb';
import { analyticsDatabaseNames } from '../../analytics/src/main';
import { contactDatabaseNames } from '../../contact/src/store/contact-stores';
import { interactionDatabaseNames } from '../../interaction/src/main';
import { marketingDatabaseNames } from '../../marketing/src/main';
import { transactionDatabaseNames } from '../../transaction/src/main';
import { createPerson, e2eApi, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let mongo: MongoClient;
let api: E2eApi;
let token: string;
const tag = randomBytes(4).toString('hex');
const domain = `three-${tag}.example.org`;
const person = (first: string, last: string) => ({
  firstName: `${first}${tag}`,
  lastName: `${last}${tag}`,
  email: `${first.toLowerCase()}.${tag}@${domain}`,
});
const ada = person('Ada', 'Lovell');
const bo = person('Bo', 'Marsh');
const adaDuplicate = person('Adeline', 'Lovel');

// An hour and two hours ago: inside "the last 12 months" and before the campaign, so the
// timeline's order is known; the dashboard's year is the first gift's (January start).
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const fiscalYear = new Date(hoursAgo(1)).getUTCFullYear();

beforeAll(async () => {
  if (!process.env.MAILPIT_URL)
    throw new Error('MAILPIT_URL unset: the test profile of deploy/local runs Mailpit');
  stack = await startE2eStack('e2e-three-layers');
  token = mintTestJwt({ tenant: `tenant-${tag}`, roles: ['admin'] });
  api = e2eApi(stack.baseUrl, token);
  mongo = await new MongoClient(stack.contactDb.mongoUrl).connect();
});

afterAll(async () => {
  await stack?.stop();
  await mongo?.close();
});

interface Entry {
  kind: string;
  interaction: { id: string; type: string; direction?: string } | null;
  gift: { donationId: string } | null;
  campaignMessage: { campaignId: string; subject: string } | null;
}

const timeline = async (id: string) => {
  const res = await api('GET', `/v1/contacts/${id}/timeline?limit=50`);
  return { status: res.status, entries: (res.body.data ?? []) as Entry[] };
};
const keyOf = (e: Entry) =>
  `${e.kind}:${e.gift?.donationId ?? e.interaction?.id ?? e.campaignMessage?.campaignId}`;
/** Waits until the contact's timeline (as kind:id, newest first) is `expected`. */
const timelineBecomes = (id: string, expected: string[]) =>
  waitFor(
    async () => {
      const { entries } = await timeline(id);
      return JSON.stringify(entries.map(keyOf)) === JSON.stringify(expected) ? entries : undefined;
    },
    { what: `the timeline of ${id} to be ${expected.join(', ')}`, timeoutMs: 30_000 },
  );

async function give(donorId: string, amountMinor: number, receivedAt = hoursAgo(1)) {
  const res = await api('POST', '/v1/donations', {
    headers: { 'idempotency-key': randomUUID() },
    body: { donorId, amount: { amountMinor, currency: 'USD' }, receivedAt, paymentMethod: 'card' },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

type Usd = { raisedMinor: number; gifts: number; donors: number };
/** Polls this fiscal year's USD dashboard until `ready` holds. */
const dashboardWhen = (ready: (usd: Usd) => boolean, what: string) =>
  waitFor(
    async () => {
      const res = await api('GET', `/v1/analytics/dashboard?fiscalYear=${fiscalYear}&currency=USD`);
      const usd = (res.body.currencies as Usd[] | undefined)?.[0];
      return usd && ready(usd) ? usd : undefined;
    },
    { what, timeoutMs: 30_000 },
  );

const segmentCount = async (segmentId: string) =>
  (await api('GET', `/v1/segments/${segmentId}/count`)).body.count as number;
const segmentMembers = async (segmentId: string) =>
  (
    (await api('GET', `/v1/segments/${segmentId}/members?limit=50`)).body.data as Array<{
      contactId: string;
    }>
  ).map((m) => m.contactId);

async function mailbox(): Promise<Array<{ Subject: string; To: Array<{ Address: string }> }>> {
  const query = encodeURIComponent(`to:${domain}`);
  const res = await fetch(`${process.env.MAILPIT_URL}/api/v1/search?query=${query}`);
  return (
    (await res.json()) as { messages: Array<{ Subject: string; To: Array<{ Address: string }> }> }
  ).messages;
}

function reply(from: typeof ada, subject: string): string {
  return [
    `From: ${from.firstName} ${from.lastName} <${from.email}>`,
    'To: Appeals <appeals@charity.example>',
    `Subject: Re: ${subject}`,
    `Message-ID: <reply-${tag}@mail.example>`,
    `Date: ${new Date().toUTCString()}`,
    '',
    `Happy to help again. ${from.firstName}`,
    '',
  ].join('\r\n');
}

/** Every document of every collection of the gateway's and the five services' databases. */
const storedDocuments = () =>
  everyStoredDocument(mongo, [
    stack.gatewayDb.name,
    ...Object.values(contactDatabaseNames(stack.contactDb.name)),
    ...Object.values(interactionDatabaseNames(stack.interactionDb.name)),
    ...Object.values(transactionDatabaseNames(stack.transactionDb.name)),
    ...Object.values(marketingDatabaseNames(stack.marketingDb.name)),
    ...Object.values(analyticsDatabaseNames(stack.analyticsDb.name)),
  ]);

test('a gift each, a dashboard, a segment, a campaign, a reply, a merge and an erasure, across every service', async () => {
  // Operations: two people, one opted out of email; each gives 150.00 USD.
  const adaId = await createPerson(api, ada);
  const boId = await createPerson(api, bo);
  const optOut = await api('POST', `/v1/contacts/${boId}/consents`, {
    body: { channel: 'email', status: 'opted_out', source: 'unsubscribe-link' },
  });
  expect(optOut.status).toBe(201);
  // The timelines exist once the interaction service knows each person.
  for (const id of [adaId, boId])
    await waitFor(async () => (await timeline(id)).status === 200, { what: `timeline of ${id}` });
  const adaGift = await give(adaId, 15000);
  const boGift = await give(boId, 15000);
  await timelineBecomes(adaId, [`gift:${adaGift}`]);
  await timelineBecomes(boId, [`gift:${boGift}`]);

  // Analytics: 300.00 USD from 2 donors.
  expect(await dashboardWhen((u) => u.gifts === 2, 'both gifts on the dashboard')).toMatchObject({
    raisedMinor: 30000,
    gifts: 2,
    donors: 2,
  });

  // Engagement: the segment counts both; the campaign reaches Ada only.
  const segment = await api('POST', '/v1/segments', {
    body: {
      name: 'Gave 100 USD or more this year',
      definition: { giving: 'total', currency: 'USD', within: { months: 12 }, gte: 10000 },
    },
  });
  expect(segment.status).toBe(201);
  const segmentId = segment.body.id as string;
  await waitFor(async () => (await segmentCount(segmentId)) === 2, {
    what: 'both donors in the segment',
    timeoutMs: 30_000,
  });
  expect((await segmentMembers(segmentId)).sort()).toEqual([adaId, boId].sort());

  const subject = `Thank you, ${ada.firstName}`;
  const campaign = await api('POST', '/v1/campaigns', {
    body: {
      name: 'Year-end thanks',
      segmentId,
      subjectTemplate: 'Thank you, {{firstName|friend}}',
      bodyTemplate: 'Dear {{firstName|friend}},\nyour gift made this year.',
      sourceCode: `THANKS-${tag}`,
    },
  });
  expect(campaign.status).toBe(201);
  const campaignId = campaign.body.id as string;
  const send = await api('POST', `/v1/campaigns/${campaignId}/send`, {
    headers: { 'idempotency-key': `send-${tag}` },
  });
  expect(send.status).toBe(202);
  const sent = await waitFor(
    async () => {
      const read = await api('GET', `/v1/campaigns/${campaignId}`);
      return read.body.state === 'sent' ? read.body : undefined;
    },
    { what: 'the campaign sent', timeoutMs: 30_000 },
  );
  expect(sent.counts).toEqual({
    audience: 2,
    sent: 1,
    unconfirmed: 0,
    failed: 0,
    excluded: { 'opted-out': 1 },
  });
  await waitFor(async () => (await mailbox()).length > 0, { what: 'the message in Mailpit' });
  expect((await mailbox()).map((m) => [m.To[0]?.Address, m.Subject])).toEqual([
    [ada.email, subject],
  ]);

  // The recipient's timeline shows the campaign email; Bo's does not.
  const [message] = await timelineBecomes(adaId, [
    `campaign_message:${campaignId}`,
    `gift:${adaGift}`,
  ]);
  expect(message?.campaignMessage).toMatchObject({ campaignId, subject });
  expect((await timeline(boId)).entries.map(keyOf)).toEqual([`gift:${boGift}`]);

  // Her reply, dropped into the mail endpoint, is an inbound email on the same timeline.
  // A Date header has whole seconds: a second later, the reply is newer than the message.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const dropped = await fetch(`${stack.baseUrl}/v1/interactions/mail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
    body: reply(ada, subject),
  });
  expect(dropped.status).toBe(201);
  const replyId = ((await dropped.json()) as { interaction: { id: string } }).interaction.id;
  const [inbound] = await timelineBecomes(adaId, [
    `interaction:${replyId}`,
    `campaign_message:${campaignId}`,
    `gift:${adaGift}`,
  ]);
  expect(inbound?.interaction).toMatchObject({ type: 'email', direction: 'inbound' });

  // Her duplicate gave 20.00 USD; merged into her, every service counts them as one person.
  const duplicateId = await createPerson(api, adaDuplicate);
  await waitFor(async () => (await timeline(duplicateId)).status === 200, {
    what: "the duplicate's timeline",
  });
  const duplicateGift = await give(duplicateId, 2000, hoursAgo(2));
  await dashboardWhen((u) => u.donors === 3, 'the duplicate as a third donor');
  await waitFor(async () => (await segmentCount(segmentId)) === 2, { what: 'segment still 2' });

  const exported = await api('GET', `/v1/contacts/${adaId}/export`);
  expect(exported.status).toBe(200);
  const sections = exported.body.services as Record<string, { sections: Record<string, unknown> }>;
  expect(Object.keys(sections).sort()).toEqual([
    'analytics',
    'contact',
    'interaction',
    'marketing',
    'transaction',
  ]);
  for (const [service, part] of Object.entries(sections))
    expect([service, Object.keys(part.sections).length > 0]).toEqual([service, true]);

  const merged = await api('POST', `/v1/contacts/${adaId}/merge`, {
    body: { victimId: duplicateId },
  });
  expect(merged.status).toBe(200);
  // contact: the duplicate answers with its survivor.
  expect(await api('GET', `/v1/contacts/${duplicateId}`)).toMatchObject({ status: 404 });
  // interaction: her timeline carries the duplicate's gift.
  await timelineBecomes(adaId, [
    `interaction:${replyId}`,
    `campaign_message:${campaignId}`,
    `gift:${adaGift}`,
    `gift:${duplicateGift}`,
  ]);
  // transaction: both gifts are hers.
  const giving = await waitFor(
    async () => {
      const res = await api('GET', `/v1/contacts/${adaId}/giving`);
      const usd = (res.body.currencies as Array<Record<string, unknown>>).find(
        (c) => c.currency === 'USD',
      );
      return usd?.giftCount === 2 ? usd : undefined;
    },
    { what: "the duplicate's gift in her giving" },
  );
  expect(giving).toMatchObject({ hardTotalMinor: 17000 });
  // analytics: 320.00 USD from 2 donors; marketing: the pair is one member.
  expect(await dashboardWhen((u) => u.donors === 2, 'the merged pair as one donor')).toMatchObject({
    raisedMinor: 32000,
    gifts: 3,
    donors: 2,
  });
  await waitFor(
    async () => {
      const members = await segmentMembers(segmentId);
      return members.length === 2 && !members.includes(duplicateId);
    },
    { what: 'the segment without the merged-away duplicate' },
  );

  // Erased: every service forgets her (and the duplicate merged into her); the totals stay.
  const erased = await api('POST', `/v1/contacts/${adaId}/erase`);
  expect(erased.status).toBe(200);
  const needles = [...Object.values(ada), ...Object.values(adaDuplicate)].map((v) =>
    v.toLowerCase(),
  );
  let leaks: string[] = [];
  const documents = await waitFor(
    async () => {
      const all = await storedDocuments();
      leaks = all.filter((doc) => needles.some((n) => doc.toLowerCase().includes(n)));
      return leaks.length === 0 ? all : undefined;
    },
    {
      what: "no stored document of any service with the erased person's values",
      timeoutMs: 30_000,
    },
  ).catch((err: Error) => {
    throw new Error(`${err.message}; still there:\n${leaks.join('\n')}`);
  });
  // Bo is still known everywhere: the check read real stores, not empty ones.
  expect(documents.some((d) => d.toLowerCase().includes(bo.email))).toBe(true);
  expect(await timeline(adaId)).toMatchObject({ status: 404 });
  await waitFor(async () => (await segmentCount(segmentId)) === 1, { what: 'the segment of Bo' });
  expect(await segmentMembers(segmentId)).toEqual([boId]);
  expect(await dashboardWhen(() => true, 'the dashboard after the erasure')).toMatchObject({
    raisedMinor: 32000,
    gifts: 3,
    donors: 2,
  });
  const attribution = await api('GET', `/v1/campaigns/${campaignId}/attribution`);
  expect(attribution.body).toMatchObject({ campaignId, messagesSent: 1 });
});
