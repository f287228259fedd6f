// SegmentService and CampaignService against the real servers: profiles and giving built from
// events a ContactEventFeed and a DonationEventFeed publish to Kafka, segments counted and
// paged from them, a campaign sent through SMTP to Mailpit once per contact with every
// exclusion counted by reason, its message events on kith.marketing.v1, and the gifts that
// name it rolled up.
import * as grpc from '@grpc/grpc-js';
import { EVENT_TYPES, TOPICS } from '@kith/events';
import { readFieldErrors } from '@kith/grpc-kit';
import { readTopic, waitFor } from '@kith/testkit';
import { messageText, messagesTo } from './support/mailpit';
import {
  caller,
  newTenant,
  startMarketingTestService,
  uniqueDomain,
  type MarketingTestService,
} from './support/marketing-test-service';

let t: MarketingTestService;

beforeAll(async () => {
  t = await startMarketingTestService('marketing');
});

afterAll(async () => {
  await t?.stop();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: grpc.ServiceError) => err,
  );

const optedOut = {
  status: 'opted_out' as const,
  suppressed: true,
  reasons: ['opted-out' as const],
};
const noAddress = {
  status: 'unknown' as const,
  suppressed: true,
  reasons: ['no-valid-address' as const],
};
const open = { status: 'unknown' as const, suppressed: false, reasons: [] };

async function donors(tenant: string, domain: string) {
  const ann = await t.person(
    tenant,
    { firstName: 'Ann', email: `ann@${domain}` },
    { tags: ['donor'] },
  );
  const bob = await t.person(
    tenant,
    { firstName: 'Bob', email: `bob@${domain}` },
    { tags: ['donor'], reachability: { email: optedOut, sms: open, phone: open, mail: open } },
  );
  const cat = await t.person(
    tenant,
    { firstName: 'Cat', email: `cat@${domain}` },
    {
      tags: ['donor'],
      emails: [],
      reachability: { email: noAddress, sms: open, phone: open, mail: open },
    },
  );
  const dan = await t.person(tenant, { firstName: 'Dan', email: `dan@${domain}` });
  return { ann, bob, cat, dan };
}

describe('segments', () => {
  it('counts and pages the contacts a definition matches, giving included', async () => {
    const tenant = newTenant();
    const { ann, bob, cat } = await donors(tenant, uniqueDomain());
    const gift = t.gifts.prepareGift(tenant, {
      donorId: ann,
      amountMinor: 10000,
      receivedAt: new Date().toISOString(),
    });
    await t.gifts.publish(gift.event);
    const { segment } = await t.segments.CreateSegment(
      { name: 'Donors', definitionJson: JSON.stringify({ tag: 'donor' }) },
      caller(tenant, 'seg-1'),
    );

    const counted = await t.segments.CountSegment({ id: segment!.id }, caller(tenant));
    const first = await t.segments.ListSegmentMembers(
      { id: segment!.id, page: { pageSize: 2 } },
      caller(tenant),
    );
    const second = await t.segments.ListSegmentMembers(
      { id: segment!.id, page: { pageSize: 2, pageToken: first.page!.nextPageToken } },
      caller(tenant),
    );

    expect(counted).toEqual({ count: '3', scanned: '4' });
    expect([...first.members, ...second.members].map((m) => m.contactId).sort()).toEqual(
      [ann, bob, cat].sort(),
    );
    expect(second.page!.nextPageToken).toBe('');
    const bigGivers = JSON.stringify({
      giving: 'total',
      currency: 'USD',
      within: { months: 12 },
      gte: 10000,
    });
    const preview = await waitFor(async () => {
      const answer = await t.segments.PreviewSegmentCount(
        { definitionJson: bigGivers },
        caller(tenant),
      );
      return answer.count === '1' ? answer : undefined;
    });
    expect(preview.count).toBe('1');
  });

  it('refuses an invalid definition with field errors, a stale version with ABORTED, and hides deleted ones', async () => {
    const tenant = newTenant();
    const invalid = await failure(
      t.segments.CreateSegment(
        { name: 'x', definitionJson: JSON.stringify({ giving: 'total', gte: 1 }) },
        caller(tenant),
      ),
    );
    expect(invalid.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldErrors(invalid)).toEqual([
      { field: 'definition.currency', message: 'required for total' },
    ]);

    const { segment } = await t.segments.CreateSegment(
      { name: 'Tagged', definitionJson: '{"tag":"a"}' },
      caller(tenant),
    );
    const renamed = await t.segments.UpdateSegment(
      { id: segment!.id, expectedVersion: '1', name: 'Tagged A' },
      caller(tenant),
    );
    const stale = await failure(
      t.segments.UpdateSegment(
        { id: segment!.id, expectedVersion: '1', name: 'B' },
        caller(tenant),
      ),
    );
    await t.segments.DeleteSegment({ id: segment!.id, expectedVersion: '2' }, caller(tenant));
    const listed = await t.segments.ListSegments({}, caller(tenant));
    const foreign = await failure(t.segments.GetSegment({ id: segment!.id }, caller(newTenant())));

    expect(renamed.segment).toMatchObject({
      name: 'Tagged A',
      version: '2',
      definitionJson: '{"tag":"a"}',
    });
    expect(stale.code).toBe(grpc.status.ABORTED);
    expect(listed.segments).toEqual([]);
    expect(foreign.code).toBe(grpc.status.NOT_FOUND);
  });
});

describe('campaigns', () => {
  it('sends once per reachable contact through SMTP, counts every exclusion, and attributes gifts', async () => {
    const tenant = newTenant();
    const domain = uniqueDomain();
    const { ann, dan } = await donors(tenant, domain);
    const { segment } = await t.segments.CreateSegment(
      { name: 'Donors', definitionJson: '{"tag":"donor"}' },
      caller(tenant),
    );
    const { campaign } = await t.campaigns.CreateCampaign(
      {
        name: 'Spring appeal',
        segmentId: segment!.id,
        subjectTemplate: 'Spring news for {{firstName|friend}}',
        bodyTemplate: 'Dear {{firstName|friend}}, your level: {{custom.level|new}}.',
        sourceCode: 'SPRING26',
      },
      caller(tenant, 'cmp-1'),
    );
    const id = campaign!.id;

    const withoutKey = await failure(t.campaigns.SendCampaign({ id }, caller(tenant)));
    const [one, two] = await Promise.all([
      t.campaigns.SendCampaign({ id }, caller(tenant, 'send-1')),
      t.campaigns.SendCampaign({ id }, caller(tenant, 'send-1')),
    ]);
    const sent = (await t.sent(tenant, id)) as { counts: unknown };
    const otherKey = await failure(t.campaigns.SendCampaign({ id }, caller(tenant, 'send-2')));
    const mail = await waitFor(async () => {
      const found = await messagesTo(domain);
      return found.length >= 1 ? found : undefined;
    });

    expect(withoutKey.code).toBe(grpc.status.INVALID_ARGUMENT);
    // Either may read the campaign after the one-recipient send finished.
    expect(['sending', 'sent']).toContain(one.campaign!.state);
    expect(['sending', 'sent']).toContain(two.campaign!.state);
    expect(two.campaign!.sendStartedAt).toBe(one.campaign!.sendStartedAt);
    expect(sent.counts).toEqual({
      audience: '3',
      sent: '1',
      unconfirmed: '0',
      failed: '0',
      excluded: { 'opted-out': '1', 'no-email': '1' },
    });
    expect(otherKey.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(mail.map((m) => [m.To[0]?.Address, m.Subject])).toEqual([
      [`ann@${domain}`, 'Spring news for Ann'],
    ]);
    expect(await messageText(mail[0]!.ID)).toContain('Dear Ann, your level: new.');

    const events = await readTopic({
      brokers: t.env.KAFKA_BROKERS.split(','),
      topic: `${t.env.KITH_TOPIC_PREFIX}${TOPICS.marketing}`,
      count: 1,
      // Keyed by campaign and by contact, they may sit on different partitions: wait for both.
      until: (messages) =>
        messages.some((m) => m.headers.ce_type === EVENT_TYPES.campaignSent && m.key === id) &&
        messages.some(
          (m) => m.headers.ce_type === EVENT_TYPES.messageRequested && String(m.value).includes(id),
        ),
    });
    const requested = events
      .filter((m) => m.headers.ce_type === EVENT_TYPES.messageRequested)
      .map(
        (m) => JSON.parse(String(m.value)) as { campaignId: string; contactId: string; to: string },
      )
      .filter((m) => m.campaignId === id);
    expect(requested.map((m) => [m.contactId, m.to])).toEqual([[ann, `ann@${domain}`]]);

    const now = new Date().toISOString();
    const byId = t.gifts.prepareGift(tenant, {
      donorId: ann,
      amountMinor: 2500,
      receivedAt: now,
      campaignId: id,
    });
    const byCode = t.gifts.prepareGift(tenant, {
      donorId: dan,
      amountMinor: 1000,
      currency: 'EUR',
      receivedAt: now,
      sourceCode: 'SPRING26',
    });
    await t.gifts.publish(byId.event);
    await t.gifts.publish(byCode.event);
    await t.gifts.publish(t.gifts.prepareRefund(tenant, byId.donationId, 500, now));
    const attribution = await waitFor(async () => {
      const answer = await t.campaigns.GetCampaignAttribution({ id }, caller(tenant));
      return answer.gifts === '2' && answer.raised.some((m) => m.amountMinor === '2000')
        ? answer
        : undefined;
    });
    expect(attribution).toEqual({
      campaignId: id,
      messagesSent: '1',
      responses: '2',
      responseRate: 2,
      gifts: '2',
      raised: [
        { amountMinor: '1000', currency: 'EUR' },
        { amountMinor: '2000', currency: 'USD' },
      ],
    });
  });

  it('refuses templates with unknown merge fields and a segment that does not exist', async () => {
    const tenant = newTenant();
    const badTemplate = await failure(
      t.campaigns.CreateCampaign(
        { name: 'x', segmentId: 's', subjectTemplate: '{{password}}', bodyTemplate: 'b' },
        caller(tenant),
      ),
    );
    const noSegment = await failure(
      t.campaigns.CreateCampaign(
        { name: 'x', segmentId: 'nope', subjectTemplate: 's', bodyTemplate: 'b' },
        caller(tenant),
      ),
    );
    expect(badTemplate.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldErrors(badTemplate).map((e) => e.field)).toEqual(['subjectTemplate']);
    expect(noSegment.code).toBe(grpc.status.FAILED_PRECONDITION);
  });
});
