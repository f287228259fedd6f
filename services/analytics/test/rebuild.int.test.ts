// A rebuild under live traffic, against real Kafka and FerretDB: gifts (and refunds and edits)
// keep arriving before, during and after an admin's rebuild; the old version serves until the
// switch, and after it the numbers equal a from-scratch computation over the final state of
// every gift the feed published: nothing missing, nothing doubled. A merge seen before the
// rebuild applies again in the rebuilt version.
import type { DonationSnapshot } from '@kith/events';
import { waitFor } from '@kith/testkit';
import { computeDashboard } from '../src/domain/dashboard';
import { factFromSnapshot } from '../src/domain/gift-fact';
import {
  caller,
  newTenant,
  startAnalyticsTestService,
  type AnalyticsTestService,
} from './support/analytics-test-service';

let t: AnalyticsTestService;

beforeAll(async () => {
  t = await startAnalyticsTestService('analytics-rebuild');
});

afterAll(async () => {
  await t?.stop();
});

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

test('rebuilds from offset 0 while gifts keep arriving, then switches with nothing missing or doubled', async () => {
  const tenant = newTenant();
  const other = newTenant();
  const donors = [await t.person(tenant), await t.person(tenant), await t.person(tenant)];
  const [survivor, victim] = [donors[0] as string, donors[1] as string];
  const given: string[] = [];
  let n = 0;
  const giveOne = async (tenantId = tenant) => {
    n += 1;
    const { donationId, event } = t.gifts.prepareGift(tenantId, {
      donorId: tenantId === tenant ? donors[n % donors.length] : 'someone-else',
      amountMinor: 1000 + n,
      receivedAt: `${months[n % months.length]}-15T12:00:00Z`,
    });
    await t.gifts.publish(event);
    if (tenantId !== tenant) return;
    given.push(donationId);
    // Every fifth gift is refunded in part, every seventh moved to another month.
    if (n % 5 === 0)
      await t.gifts.publish(t.gifts.prepareRefund(tenant, donationId, 500, '2026-07-01T00:00:00Z'));
    if (n % 7 === 0) {
      await t.gifts.publish(
        t.gifts.prepareUpdate(tenant, donationId, { receivedAt: '2026-02-01T00:00:00Z' }),
      );
    }
  };
  for (let i = 0; i < 40; i += 1) await giveOne(i % 4 === 0 ? other : tenant);
  const merge = t.contacts.prepareMerge(tenant, survivor, victim);
  await t.contacts.publish(merge);
  await t.caughtUp();

  let live = true;
  const traffic = (async () => {
    while (live) {
      await giveOne();
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const { rebuild } = await t.client.StartRebuild({}, caller(tenant));
  const during = await t.client.GetDashboard({ fiscalYear: 2026, currency: 'USD' }, caller(tenant));
  const second = await t.client
    .StartRebuild({}, caller(tenant))
    .catch((err: { code: number }) => err.code);
  const done = await waitFor(
    async () => {
      const { rebuild: now } = await t.client.GetRebuild({ id: rebuild!.id }, caller(tenant));
      return now?.status === 'completed' ? now : undefined;
    },
    { what: 'the rebuild to complete', timeoutMs: 60000 },
  );
  await new Promise((r) => setTimeout(r, 1000)); // gifts after the switch too
  live = false;
  await traffic;
  await t.caughtUp();

  const snapshots: DonationSnapshot[] = given.map((id) => t.gifts.snapshotOf(tenant, id));
  const expected = computeDashboard(
    snapshots.map((s) => factFromSnapshot(s, s.donorId as string)),
    new Map([[victim, survivor]]),
    { fiscalYear: 2026, startMonth: 1, currency: 'USD' },
  );
  const after = await t.client.GetDashboard({ fiscalYear: 2026, currency: 'USD' }, caller(tenant));
  const usd = after.currencies[0];

  expect(rebuild).toMatchObject({ status: 'running', fromReadModel: 1, toReadModel: 2 });
  expect(during.readModel).toBe(1);
  expect(second).toBe(9); // FAILED_PRECONDITION: one rebuild at a time
  expect(done.completedAt).not.toBe('');
  expect(after.readModel).toBe(2);
  expect({
    raised: Number(usd?.raisedMinor),
    gifts: usd?.gifts,
    donors: usd?.donors,
    months: usd?.months.map((m) => Number(m.raisedMinor)),
  }).toEqual({
    raised: expected.currencies[0]?.raisedMinor,
    gifts: expected.currencies[0]?.gifts,
    donors: 2,
    months: expected.currencies[0]?.months.map((m) => m.raisedMinor),
  });
  expect(usd?.gifts).toBe(given.length);
  const facts = t.mongo.db(t.dbName).collection('gift_facts');
  await waitFor(
    async () => (await facts.countDocuments({ tenantId: tenant, readModel: 1 })) === 0,
    {
      what: 'the old read model dropped',
    },
  );
  expect(await facts.countDocuments({ tenantId: other, readModel: 2 })).toBe(0);
  expect(await facts.countDocuments({ tenantId: other, readModel: 1 })).toBe(10);
});
