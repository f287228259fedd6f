// Campaign messages on contacts' timelines through the real service (gRPC, FerretDB, Kafka):
// kith.marketing.message.requested.v1 events, published here as the marketing service does,
// show as campaign_message entries beside the interactions, once however often delivered; a
// merge moves them to the survivor (also one that arrives for a victim already merged), and an
// erasure takes them off the timeline and out of the store.
import type { interactionV1 } from '@kith/contracts';
import { MarketingEventFeed, testInfra, waitFor } from '@kith/testkit';
import { useTestBed } from './support/contact-feed';
import { caller, newTenant, startInteractionService } from './support/start-interaction-service';

const bed = useTestBed(() => startInteractionService('interaction-campaign-timeline'));
let feed: MarketingEventFeed;

beforeAll(async () => {
  feed = new MarketingEventFeed(testInfra().kafkaBrokers, bed.running.prefix);
  await feed.connect();
});

afterAll(async () => {
  await feed?.close();
});

function messageEvent(tenantId: string, contactId: string, requestedAt: string) {
  const { messageId, event } = feed.prepareMessage(tenantId, {
    contactId,
    requestedAt,
    campaignId: 'cmp-1',
    subject: 'Spring news for you',
    sourceCode: 'SPRING',
  });
  return { id: messageId, event };
}

const publish = (event: Parameters<MarketingEventFeed['publish']>[0]) => feed.publish(event);

type Entry = interactionV1.TimelineEntry__Output;
const describe = (e: Entry) =>
  `${e.kind}:${e.kind === 'campaign_message' ? e.campaignMessage?.messageId : e.interaction?.id}`;

function timelineBecomes(tenant: string, contactId: string, expected: string[]) {
  return waitFor(
    async () => {
      const page = await bed.running.interactions.ListContactTimeline(
        { contactId },
        caller(tenant),
      );
      const got = page.entries.map(describe);
      return JSON.stringify(got) === JSON.stringify(expected) ? page.entries : undefined;
    },
    { what: `the timeline of ${contactId} to be ${expected.join(', ')}` },
  );
}

it('shows a campaign message once, follows its recipient into a merge, and forgets it on erasure', async () => {
  const tenant = newTenant();
  const { id: survivor } = await bed.contacts.person(tenant);
  const { id: victim } = await bed.contacts.person(tenant);
  const early = messageEvent(tenant, victim, '2026-10-01T09:00:00.000Z');
  await publish(early.event);
  await publish(early.event);

  const shown = await timelineBecomes(tenant, victim, [`campaign_message:${early.id}`]);
  expect(shown[0]).toMatchObject({
    kind: 'campaign_message',
    occurredAt: '2026-10-01T09:00:00.000Z',
    campaignMessage: {
      campaignId: 'cmp-1',
      channel: 'email',
      subject: 'Spring news for you',
      sourceCode: 'SPRING',
    },
  });

  await bed.contacts.merge(tenant, survivor, victim);
  const late = messageEvent(tenant, victim, '2026-11-01T09:00:00.000Z');
  await publish(late.event);
  await timelineBecomes(tenant, survivor, [
    `campaign_message:${late.id}`,
    `campaign_message:${early.id}`,
  ]);

  await bed.contacts.erase(tenant, survivor);
  await publish(messageEvent(tenant, survivor, '2026-12-01T09:00:00.000Z').event);
  await waitFor(
    async () =>
      (await bed.running.db
        .collection('timeline_messages')
        .countDocuments({ tenantId: tenant })) === 0,
    {
      what: 'no campaign message of the erased person stored',
    },
  );
  // The message published after the erasure was consumed too (in order on its partition) and stored nothing.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(
    await bed.running.db.collection('timeline_messages').countDocuments({ tenantId: tenant }),
  ).toBe(0);
});
