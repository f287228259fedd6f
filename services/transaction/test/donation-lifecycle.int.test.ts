// Merges and erasures reach gifts through the contact lifecycle hooks: each changed gift is one
// outbox write, so kith.donation.updated.v1 follows on kith.transaction.v1; a merge or erasure
// delivered again changes nothing more.
import { EVENT_TYPES, TOPICS, parseEventData } from '@kith/events';
import { readTopic, testInfra, waitFor } from '@kith/testkit';
import {
  caller,
  giftRequest,
  newTenant,
  startTransactionTestService,
  type TransactionTestService,
} from './support/transaction-test-service';

let t: TransactionTestService;

beforeAll(async () => {
  t = await startTransactionTestService('donation-lifecycle');
});

afterAll(async () => {
  await t?.stop();
});

/** The events of one gift on the service's topic, in order, checked against the catalogue. */
async function eventsOf(donationId: string, count: number) {
  const messages = await readTopic({
    brokers: testInfra().kafkaBrokers,
    topic: `${t.prefix}${TOPICS.transaction}`,
    count,
    until: (all) => all.filter((m) => m.key === donationId).length >= count,
  });
  return messages
    .filter((m) => m.key === donationId)
    .map((m) => {
      const type = m.headers.ce_type ?? '';
      return { type, data: parseEventData(type, JSON.parse(m.value!.toString())) };
    });
}

it("moves a merge victim's gift to the survivor with an updated event, once however often it arrives", async () => {
  const tenant = newTenant();
  const [survivor, victim] = [await t.person(tenant), await t.person(tenant)];
  const { donation } = await t.client.CreateDonation(giftRequest(victim), caller(tenant));
  const merge = t.feed.prepareMerge(tenant, survivor, victim);

  await t.feed.publish(merge);
  await t.caughtUp();
  await t.feed.publish(merge);
  await t.caughtUp();

  const read = await t.client.GetDonation({ id: donation!.id }, caller(tenant));
  expect(read.donation).toMatchObject({ donorId: survivor, version: '2' });
  const events = await eventsOf(donation!.id, 2);
  expect(events.map((e) => e.type)).toEqual([
    EVENT_TYPES.donationCreated,
    EVENT_TYPES.donationUpdated,
  ]);
  expect(events[1]?.data).toMatchObject({
    donation: { donorId: survivor, version: 2 },
    changedFields: ['donorId'],
  });
});

it('forgets an erased donor on the gift and keeps its amount, with an event naming nobody', async () => {
  const tenant = newTenant();
  const donor = await t.person(tenant);
  const { donation } = await t.client.CreateDonation(
    giftRequest(donor, '15000', {
      externalReference: 'ch_3PqR',
      tribute: { type: 'in_honor_of', honoreeName: 'Grandma Rose' },
    }),
    caller(tenant),
  );
  await t.client.RefundDonation(
    { donationId: donation!.id, amountMinor: '5000', reason: 'asked by Ada herself' },
    caller(tenant, `refund-${donation!.id}`),
  );

  await t.feed.publish(t.feed.prepareErase(tenant, donor));
  await t.caughtUp();

  const read = await waitFor(
    async () => {
      const { donation: now } = await t.client.GetDonation({ id: donation!.id }, caller(tenant));
      return now?.donorId === '' ? now : undefined;
    },
    { what: 'the erased donor gone from the gift' },
  );
  expect(read).toMatchObject({
    amount: { amountMinor: '15000', currency: 'USD' },
    netMinor: '10000',
    status: 'partially_refunded',
    externalReference: '',
    tribute: { type: 'in_honor_of', honoreeName: '', honoreeContactId: '' },
    refunds: [expect.objectContaining({ amountMinor: '5000', reason: '' })],
  });
  const events = await eventsOf(donation!.id, 3);
  expect(events.map((e) => e.type)).toEqual([
    EVENT_TYPES.donationCreated,
    EVENT_TYPES.donationRefunded,
    EVENT_TYPES.donationUpdated,
  ]);
  expect(JSON.stringify(events)).not.toMatch(/Grandma Rose|ch_3PqR|asked by Ada/);
  expect((events[2]?.data as { donation: object }).donation).not.toHaveProperty('donorId');
  expect(JSON.stringify(await t.storedDocuments())).not.toMatch(
    /Grandma Rose|ch_3PqR|asked by Ada/,
  );
});
