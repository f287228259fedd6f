// Segments and a campaign end to end over HTTP, against the real contact and marketing services
// and the test profile's Mailpit: two contacts with a tag, one of whom opts out of email; a
// segment of the tag; a campaign to it sent twice at once under one Idempotency-Key. One send
// runs, exactly one message reaches Mailpit, and the opt-out is counted under its reason.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, waitFor } from '@kith/testkit';
import { e2eApi, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let api: E2eApi;
const tenant = `tenant-${randomBytes(3).toString('hex')}`;
const token = mintTestJwt({ tenant, sub: 'user-marketer', roles: ['admin'] });

beforeAll(async () => {
  if (!process.env.MAILPIT_URL)
    throw new Error('MAILPIT_URL unset: the test profile of deploy/local runs Mailpit');
  stack = await startE2eStack('e2e-marketing');
  api = e2eApi(stack.baseUrl, token);
});

afterAll(async () => {
  await stack?.stop();
});

async function mailTo(
  domain: string,
): Promise<Array<{ Subject: string; To: Array<{ Address: string }> }>> {
  const res = await fetch(
    `${process.env.MAILPIT_URL}/api/v1/search?query=${encodeURIComponent(`to:${domain}`)}`,
  );
  return (
    (await res.json()) as { messages: Array<{ Subject: string; To: Array<{ Address: string }> }> }
  ).messages;
}

it('sends one campaign once, to the reachable contact only, when its send is POSTed twice at once', async () => {
  const tag = `e2e-${randomBytes(3).toString('hex')}`;
  const domain = `${tag}.example.org`;
  const person = async (firstName: string) => {
    const res = await api('POST', '/v1/contacts', {
      body: {
        name: { firstName, lastName: 'Reader' },
        emails: [{ address: `${firstName.toLowerCase()}@${domain}` }],
        tags: [tag],
      },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const jane = await person('Jane');
  const omar = await person('Omar');
  const optOut = await api('POST', `/v1/contacts/${omar}/consents`, {
    body: { channel: 'email', status: 'opted_out', source: 'unsubscribe-link' },
  });
  expect(optOut.status).toBe(201);

  const segment = await api('POST', '/v1/segments', {
    body: { name: 'Readers', definition: { tag } },
  });
  expect(segment.status).toBe(201);
  const segmentId = segment.body.id as string;
  // The marketing service learns contacts from kith.contact.v1: wait for both, opt-out included.
  await waitFor(
    async () => {
      const count = await api('GET', `/v1/segments/${segmentId}/count`);
      const reachable = await api('POST', '/v1/segments/preview-count', {
        body: { definition: { and: [{ tag }, { reachable: 'email' }] } },
      });
      return count.body.count === 2 && reachable.body.count === 1;
    },
    { what: 'both contacts in the segment, one reachable', timeoutMs: 30_000 },
  );
  const members = await api('GET', `/v1/segments/${segmentId}/members?limit=1`);
  expect(members.status).toBe(200);
  expect((members.body.data as unknown[]).length).toBe(1);
  expect(typeof members.body.nextCursor).toBe('string');

  const campaign = await api('POST', '/v1/campaigns', {
    body: {
      name: 'Spring letter',
      segmentId,
      subjectTemplate: 'Spring news for {{firstName|friend}}',
      bodyTemplate: 'Dear {{firstName|friend}},\nthank you.',
      sourceCode: 'SPRING-E2E',
    },
  });
  expect(campaign.status).toBe(201);
  const id = campaign.body.id as string;

  const withoutKey = await api('POST', `/v1/campaigns/${id}/send`);
  const headers = { 'idempotency-key': `send-${tag}` };
  const [first, second] = await Promise.all([
    api('POST', `/v1/campaigns/${id}/send`, { headers }),
    api('POST', `/v1/campaigns/${id}/send`, { headers }),
  ]);
  const sent = await waitFor(
    async () => {
      const read = await api('GET', `/v1/campaigns/${id}`);
      return read.body.state === 'sent' ? read.body : undefined;
    },
    { what: 'the campaign sent', timeoutMs: 30_000 },
  );
  const otherKey = await api('POST', `/v1/campaigns/${id}/send`, {
    headers: { 'idempotency-key': `again-${tag}` },
  });
  const mail = await waitFor(async () => {
    const found = await mailTo(domain);
    return found.length > 0 ? found : undefined;
  });
  // Anything the relay still had in flight would have arrived by now.
  await new Promise((resolve) => setTimeout(resolve, 500));

  expect(withoutKey.status).toBe(428);
  expect([first.status, second.status]).toEqual([202, 202]);
  expect(second.body.id).toBe(id);
  expect(sent.counts).toEqual({
    audience: 2,
    sent: 1,
    unconfirmed: 0,
    failed: 0,
    excluded: { 'opted-out': 1 },
  });
  expect(otherKey.status).toBe(422);
  expect((await mailTo(domain)).map((m) => [m.To[0]?.Address, m.Subject])).toEqual([
    [`jane@${domain}`, 'Spring news for Jane'],
  ]);
  expect(mail).toHaveLength(1);

  const exported = await api('GET', `/v1/contacts/${jane}/export`);
  expect(exported.status).toBe(200);
  const marketing = (
    exported.body.services as Record<string, { sections: Record<string, unknown> }>
  ).marketing;
  expect(Object.keys(marketing?.sections ?? {}).sort()).toEqual([
    'campaignMessages',
    'marketingProfile',
  ]);

  const attribution = await api('GET', `/v1/campaigns/${id}/attribution`);
  expect(attribution.body).toEqual({
    campaignId: id,
    messagesSent: 1,
    responses: 0,
    responseRate: 0,
    gifts: 0,
    raised: [],
  });
});
