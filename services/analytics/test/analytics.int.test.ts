// The analytics service against real Kafka and FerretDB, learning everything from events a
// DonationEventFeed and a ContactEventFeed publish: every event delivered twice (and a refund
// again after a later update) counts once; an update that changes amount, date, currency or
// donor moves the gift's contribution; a new fiscal-year start regroups without a replay; a
// merge makes one donor of two and an erasure keeps the total without the contact's id.
import * as grpc from '@grpc/grpc-js';
import type { PreparedEvent } from '@kith/testkit';
import { erasedDonorKey } from '../src/domain/donor-key';
import {
  caller,
  newTenant,
  startAnalyticsTestService,
  usdTotals,
  type AnalyticsTestService,
} from './support/analytics-test-service';

let t: AnalyticsTestService;

beforeAll(async () => {
  t = await startAnalyticsTestService('analytics-int');
});

afterAll(async () => {
  await t?.stop();
});

/** Each event published twice in a row: the second is a redelivery (same event id). */
async function twice(...events: PreparedEvent[]): Promise<void> {
  for (const event of events) {
    await t.gifts.publish(event);
    await t.gifts.publish(event);
  }
}

const statusOf = (err: unknown) => (err as grpc.ServiceError).code;

test('counts every gift once when each event arrives twice, also a refund again after a later update', async () => {
  const tenant = newTenant();
  const [ann, bob] = [await t.person(tenant), await t.person(tenant)];
  const first = t.gifts.prepareGift(tenant, {
    donorId: ann,
    amountMinor: 15000,
    receivedAt: '2026-03-10T10:00:00Z',
  });
  const second = t.gifts.prepareGift(tenant, {
    donorId: bob,
    amountMinor: 15000,
    receivedAt: '2026-04-10T10:00:00Z',
  });
  const euros = t.gifts.prepareGift(tenant, {
    donorId: ann,
    amountMinor: 5000,
    currency: 'EUR',
    receivedAt: '2026-05-10T10:00:00Z',
  });
  const refund = t.gifts.prepareRefund(tenant, first.donationId, 2500, '2026-06-01T00:00:00Z');
  const later = t.gifts.prepareUpdate(tenant, first.donationId, { fund: 'general' });

  await twice(first.event, second.event, euros.event, refund, later);
  await t.gifts.publish(refund); // the refund again, after the newer update
  await t.caughtUp();

  expect(await usdTotals(t.client, tenant)).toEqual({
    readModel: 1,
    raisedMinor: 27500,
    gifts: 2,
    donors: 2,
    newDonors: 2,
    returningDonors: 0,
  });
  const all = await t.client.GetDashboard({ fiscalYear: 2026, currency: '' }, caller(tenant));
  expect(all.currencies.map((c) => [c.currency, c.raisedMinor, c.donors])).toEqual([
    ['EUR', '5000', 1],
    ['USD', '27500', 2],
  ]);
  const march = all.currencies[1]?.months.find((m) => m.month === '2026-03');
  expect(march).toEqual({ month: '2026-03', raisedMinor: '12500', gifts: 1, donors: 1 });
});

test('moves a gift when an update changes its amount, date, currency or donor, never adding to it', async () => {
  const tenant = newTenant();
  const [ann, bob] = [await t.person(tenant), await t.person(tenant)];
  const gift = t.gifts.prepareGift(tenant, {
    donorId: ann,
    amountMinor: 10000,
    receivedAt: '2026-02-01T00:00:00Z',
  });
  const other = t.gifts.prepareGift(tenant, {
    donorId: ann,
    amountMinor: 3000,
    receivedAt: '2026-02-02T00:00:00Z',
  });
  await twice(gift.event, other.event);
  const moved = t.gifts.prepareUpdate(tenant, gift.donationId, {
    amount: { amountMinor: 20000, currency: 'USD' },
    receivedAt: '2025-12-24T00:00:00Z',
    donorId: bob,
  });
  const toEuros = t.gifts.prepareUpdate(tenant, other.donationId, {
    amount: { amountMinor: 3000, currency: 'EUR' },
  });
  await twice(moved, toEuros);
  await t.caughtUp();

  expect(await usdTotals(t.client, tenant, 2026)).toMatchObject({ raisedMinor: 0, gifts: 0 });
  expect(await usdTotals(t.client, tenant, 2025)).toMatchObject({
    raisedMinor: 20000,
    gifts: 1,
    donors: 1,
  });
  const euros = await t.client.GetDashboard({ fiscalYear: 2026, currency: 'EUR' }, caller(tenant));
  expect(euros.currencies[0]).toMatchObject({
    raisedMinor: '3000',
    gifts: 1,
    donors: 1,
    newDonors: 1,
  });
});

test('regroups by a new fiscal-year start at once, guarded by the version it was read at', async () => {
  const tenant = newTenant();
  const ann = await t.person(tenant);
  await twice(
    t.gifts.prepareGift(tenant, {
      donorId: ann,
      amountMinor: 100,
      receivedAt: '2025-06-30T00:00:00Z',
    }).event,
    t.gifts.prepareGift(tenant, {
      donorId: ann,
      amountMinor: 200,
      receivedAt: '2025-07-01T00:00:00Z',
    }).event,
    t.gifts.prepareGift(tenant, {
      donorId: ann,
      amountMinor: 400,
      receivedAt: '2026-06-30T00:00:00Z',
    }).event,
  );
  await t.caughtUp();
  const before = await t.client.GetSettings({}, caller(tenant));

  const changed = await t.client.UpdateSettings(
    { fiscalYearStartMonth: 7, expectedVersion: 1 },
    caller(tenant),
  );
  const stale = await t.client
    .UpdateSettings({ fiscalYearStartMonth: 4, expectedVersion: 1 }, caller(tenant))
    .catch(statusOf);
  const invalid = await t.client
    .UpdateSettings({ fiscalYearStartMonth: 13, expectedVersion: 2 }, caller(tenant))
    .catch(statusOf);

  expect(before.settings).toEqual({ fiscalYearStartMonth: 1, version: 1, updatedAt: '' });
  expect(changed.settings).toMatchObject({ fiscalYearStartMonth: 7, version: 2 });
  expect([stale, invalid]).toEqual([grpc.status.ABORTED, grpc.status.INVALID_ARGUMENT]);
  const fy2026 = await t.client.GetDashboard({ fiscalYear: 2026, currency: 'USD' }, caller(tenant));
  expect(fy2026).toMatchObject({
    fiscalYearStartMonth: 7,
    firstMonth: '2025-07',
    lastMonth: '2026-06',
  });
  expect(fy2026.currencies[0]).toMatchObject({ raisedMinor: '600', gifts: 2, returningDonors: 1 });
});

test("counts a merged pair as one donor, and keeps an erased donor's total without their id", async () => {
  const tenant = newTenant();
  const [survivor, victim] = [await t.person(tenant), await t.person(tenant)];
  const gifts = [
    t.gifts.prepareGift(tenant, {
      donorId: survivor,
      amountMinor: 15000,
      receivedAt: '2026-03-01T00:00:00Z',
    }),
    t.gifts.prepareGift(tenant, {
      donorId: victim,
      amountMinor: 15000,
      receivedAt: '2026-03-02T00:00:00Z',
    }),
  ];
  await twice(...gifts.map((g) => g.event));
  await t.caughtUp();
  expect(await usdTotals(t.client, tenant)).toMatchObject({ raisedMinor: 30000, donors: 2 });

  const merge = t.contacts.prepareMerge(tenant, survivor, victim);
  await t.contacts.publish(merge);
  await t.contacts.publish(merge);
  await t.caughtUp();
  expect(await usdTotals(t.client, tenant)).toMatchObject({
    raisedMinor: 30000,
    gifts: 2,
    donors: 1,
  });

  const erase = t.contacts.prepareErase(tenant, survivor);
  await t.contacts.publish(erase);
  await t.contacts.publish(erase);
  // The transaction service's answer to the erasure: its gifts lose their donor.
  await twice(
    ...gifts.map((g) => t.gifts.prepareUpdate(tenant, g.donationId, { donorId: undefined })),
  );
  await t.caughtUp();

  expect(await usdTotals(t.client, tenant)).toMatchObject({
    raisedMinor: 30000,
    gifts: 2,
    donors: 1,
  });
  const facts = await t.mongo
    .db(t.dbName)
    .collection('gift_facts')
    .find({ tenantId: tenant })
    .toArray();
  expect(new Set(facts.map((f) => f.donorKey))).toEqual(
    new Set([erasedDonorKey(tenant, survivor)]),
  );
  expect(JSON.stringify(facts)).not.toContain(survivor);
});

test('answers a rebuild of another tenant as not found, and a bad currency as invalid', async () => {
  const [mine, theirs] = [newTenant(), newTenant()];
  const { rebuild } = await t.client.StartRebuild({}, caller(theirs));
  const foreign = await t.client.GetRebuild({ id: rebuild!.id }, caller(mine)).catch(statusOf);
  const badCurrency = await t.client
    .GetDashboard({ fiscalYear: 2026, currency: 'XYZ1' }, caller(mine))
    .catch(statusOf);

  expect(foreign).toBe(grpc.status.NOT_FOUND);
  expect(badCurrency).toBe(grpc.status.INVALID_ARGUMENT);
});
