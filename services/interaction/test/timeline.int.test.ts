// Contacts' timelines through the real service (gRPC, FerretDB, Kafka): gifts, refunds and
// soft credits from kith.transaction.v1 events (a DonationEventFeed plays the transaction
// service) beside the interactions, newest first across months; a donation event delivered
// twice or replayed out of order stored once; merges and erasures followed as the transaction
// service's updates say; interactions stored before the month directory found again.
import type { interactionV1 } from '@kith/contracts';
import { DonationEventFeed, groupCaughtUp, testInfra, waitFor } from '@kith/testkit';
import { DONATION_TIMELINE_GROUP } from '../src/events/donation-timeline.consumer';
import { TimelineGifts } from '../src/store/timeline-gift.repository';
import { TimelineMonths } from '../src/store/timeline-months';
import { backfillTimelineMonths } from '../src/store/timeline-months-backfill';
import { useTestBed } from './support/contact-feed';
import { caller, newTenant, startInteractionService } from './support/start-interaction-service';

const bed = useTestBed(() => startInteractionService('interaction-timeline'));
let gifts: DonationEventFeed;

beforeAll(async () => {
  gifts = new DonationEventFeed(testInfra().kafkaBrokers, bed.running.prefix);
  await gifts.connect();
});

afterAll(async () => {
  await gifts?.close();
});

type Entry = interactionV1.TimelineEntry__Output;

async function timeline(
  tenant: string,
  contactId: string,
  extra: Partial<interactionV1.ListContactTimelineRequest> = {},
): Promise<{ entries: Entry[]; next: string }> {
  const page = await bed.running.interactions.ListContactTimeline(
    { contactId, ...extra },
    caller(tenant),
  );
  return { entries: page.entries, next: page.page?.nextPageToken ?? '' };
}

/** Waits until the timeline's entries, as `kind:id`, are `expected`. */
function timelineBecomes(tenant: string, contactId: string, expected: string[]) {
  return waitFor(
    async () => {
      const { entries } = await timeline(tenant, contactId);
      const got = entries.map(describe);
      return JSON.stringify(got) === JSON.stringify(expected) ? entries : undefined;
    },
    { what: `the timeline of ${contactId} to be ${expected.join(', ')}` },
  );
}

const describe = (e: Entry) =>
  `${e.kind}:${e.kind === 'interaction' ? e.interaction?.id : e.kind === 'refund' ? e.refund?.refundId : e.gift?.donationId}`;

async function logCall(tenant: string, contactId: string, occurredAt: string): Promise<string> {
  const created = await bed.running.interactions.CreateInteraction(
    {
      fields: {
        type: 'INTERACTION_TYPE_CALL',
        occurredAt,
        participantContactIds: [contactId],
      },
    },
    caller(tenant),
  );
  return created.interaction?.id ?? '';
}

it('shows gifts, refunds and soft credits beside interactions, newest first, net of refunds', async () => {
  const tenant = newTenant();
  const [{ id: jane }, { id: john }] = [
    await bed.contacts.person(tenant),
    await bed.contacts.person(tenant),
  ];
  const call = await logCall(tenant, jane, '2026-12-05T10:00:00Z');
  const { donationId, event } = gifts.prepareGift(tenant, {
    donorId: jane,
    amountMinor: 15000,
    receivedAt: '2026-11-30T09:00:00Z',
    fund: 'Roof appeal',
    softCredits: [
      { contactId: john, type: 'household_member', amountMinor: 15000, automatic: true },
    ],
  });
  await gifts.publish(event);
  const refund = gifts.prepareRefund(tenant, donationId, 5000, '2026-12-02T09:00:00.000Z');
  await gifts.publish(refund);
  const refundId = gifts.snapshotOf(tenant, donationId).refunds[0]?.id;

  const janes = await timelineBecomes(tenant, jane, [
    `interaction:${call}`,
    `refund:${refundId}`,
    `gift:${donationId}`,
  ]);
  const johns = await timelineBecomes(tenant, john, [`soft_credit:${donationId}`]);

  expect(janes[2]).toMatchObject({
    occurredAt: '2026-11-30T09:00:00.000Z',
    gift: {
      donorId: jane,
      amount: { amountMinor: '15000', currency: 'USD' },
      refundedMinor: '5000',
      netMinor: '10000',
      status: 'partially_refunded',
      fund: 'Roof appeal',
      receivedAt: '2026-11-30T09:00:00.000Z',
    },
  });
  expect(janes[1]?.refund).toMatchObject({
    amountMinor: '5000',
    refundedAt: '2026-12-02T09:00:00.000Z',
  });
  expect(johns[0]?.softCredit).toMatchObject({
    type: 'household_member',
    amountMinor: '15000',
    netMinor: '10000',
  });
  const onlyMoney = await timeline(tenant, jane, { kinds: ['gift', 'refund'] });
  const december = await timeline(tenant, jane, {
    filter: { occurredFrom: '2026-12-01T00:00:00Z', occurredTo: '2026-12-03T00:00:00Z' },
  });
  expect(onlyMoney.entries.map(describe)).toEqual([`refund:${refundId}`, `gift:${donationId}`]);
  expect(december.entries.map(describe)).toEqual([`refund:${refundId}`]);
});

it('stores a donation event delivered twice, and an older one replayed after a newer, once', async () => {
  const tenant = newTenant();
  const { id: jane } = await bed.contacts.person(tenant);
  const created = gifts.prepareGift(tenant, {
    donorId: jane,
    amountMinor: 2000,
    receivedAt: '2026-10-01T09:00:00Z',
  });
  const refunded = gifts.prepareRefund(tenant, created.donationId, 2000, '2026-10-02T09:00:00Z');
  const refundId = gifts.snapshotOf(tenant, created.donationId).refunds[0]?.id;
  await gifts.publish(created.event);
  await gifts.publish(refunded);
  await timelineBecomes(tenant, jane, [`refund:${refundId}`, `gift:${created.donationId}`]);

  await gifts.publish(refunded);
  await gifts.publish(created.event);
  await waitFor(
    () =>
      groupCaughtUp({
        brokers: testInfra().kafkaBrokers,
        groupId: `${bed.running.prefix}${DONATION_TIMELINE_GROUP}`,
        topic: `${bed.running.prefix}kith.transaction.v1`,
      }),
    { what: 'the replays handled' },
  );
  const { entries } = await timeline(tenant, jane);
  const stored = await new TimelineGifts(bed.running.db, new TimelineMonths(bed.running.db)).get(
    tenant,
    created.donationId,
  );

  expect(entries.map(describe)).toEqual([`refund:${refundId}`, `gift:${created.donationId}`]);
  expect(entries[1]?.gift).toMatchObject({ status: 'refunded', netMinor: '0', version: '2' });
  expect(stored).toMatchObject({ version: 2, refundedMinor: 2000 });
});

it("moves a merged victim's gift to the survivor, and takes an erased donor's gift off every timeline", async () => {
  const tenant = newTenant();
  const [{ id: survivor }, { id: victim }, { id: credited }] = [
    await bed.contacts.person(tenant),
    await bed.contacts.person(tenant),
    await bed.contacts.person(tenant),
  ];
  const { donationId, event } = gifts.prepareGift(tenant, {
    donorId: victim,
    amountMinor: 3000,
    receivedAt: '2026-08-01T09:00:00Z',
    softCredits: [{ contactId: credited, type: 'solicitor', amountMinor: 3000, automatic: false }],
  });
  await gifts.publish(event);
  await timelineBecomes(tenant, victim, [`gift:${donationId}`]);

  await bed.contacts.merge(tenant, survivor, victim);
  await gifts.publish(gifts.prepareUpdate(tenant, donationId, { donorId: survivor }));
  await timelineBecomes(tenant, survivor, [`gift:${donationId}`]);

  await bed.contacts.erase(tenant, survivor);
  await gifts.publish(gifts.prepareUpdate(tenant, donationId, { donorId: undefined }));
  const stored = await waitFor(
    async () => {
      const gift = await new TimelineGifts(bed.running.db, new TimelineMonths(bed.running.db)).get(
        tenant,
        donationId,
      );
      return gift && gift.version === 3 ? gift : undefined;
    },
    { what: 'the erasure update stored' },
  );

  expect(stored).not.toHaveProperty('donorId');
  // The solicitor's credit stays: the gift stays in the books, without its donor.
  expect((await timeline(tenant, credited)).entries.map(describe)).toEqual([
    `soft_credit:${donationId}`,
  ]);
});

it('pages across months with the same cursor rules as before, interactions stored earlier included', async () => {
  const tenant = newTenant();
  const { id: ada } = await bed.contacts.person(tenant);
  const calls = [];
  for (const at of ['2026-06-03T00:00:00Z', '2026-04-02T00:00:00Z', '2026-04-01T00:00:00Z']) {
    calls.push(await logCall(tenant, ada, at));
  }
  // As if stored before the directory existed: its entries and the marker gone, then backfilled.
  await bed.running.db.collection('timeline_months').deleteMany({ tenantId: tenant });
  await bed.running.db.collection('interaction_migrations').deleteMany({});
  const emptied = await timeline(tenant, ada);
  await backfillTimelineMonths(bed.running.db, new TimelineMonths(bed.running.db));

  const first = await timeline(tenant, ada, { page: { pageSize: 2, pageToken: '' } });
  const second = await timeline(tenant, ada, { page: { pageSize: 2, pageToken: first.next } });

  expect(emptied.entries).toEqual([]);
  expect(first.entries.map(describe)).toEqual([
    `interaction:${calls[0]}`,
    `interaction:${calls[1]}`,
  ]);
  expect(second.entries.map(describe)).toEqual([`interaction:${calls[2]}`]);
  expect(second.next).toBe('');
});
