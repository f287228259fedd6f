// The merge and erasure hooks over faked stores: every gift naming the person changes once, a
// second delivery changes nothing, and a gift changed meanwhile is read again.
import { DonationLifecycleService } from '../src/app/donation-lifecycle.service';
import { FakeDonations } from './support/donation-fakes';
import { AMY, JANE, JOHN, TENANT, givenGift } from './support/donation-givens';

const ctx = { tenantId: TENANT, eventId: 'e-1' };

function given() {
  const donations = new FakeDonations();
  const byJane = givenGift();
  const creditingJane = {
    ...givenGift({}, { id: JOHN, kind: 'person' }),
    id: 'gift-2',
    softCredits: [
      { contactId: JANE, type: 'solicitor' as const, amountMinor: 100, automatic: false },
    ],
  };
  const inMemoryOfJane = {
    ...givenGift({}, { id: AMY, kind: 'person' }),
    id: 'gift-3',
    tribute: { type: 'in_memory_of' as const, honoreeName: 'Jane Doe', honoreeContactId: JANE },
  };
  for (const gift of [byJane, creditingJane, inMemoryOfJane]) donations.rows.set(gift.id, gift);
  const lifecycle = new DonationLifecycleService({
    donations,
    now: () => '2026-12-03T00:00:00.000Z',
  });
  return { donations, lifecycle, byJane };
}

it('moves every gift naming a merge victim to the survivor, once however often it is told', async () => {
  const { donations, lifecycle } = given();

  const first = await lifecycle.onMerged(JANE, 'survivor-1', ctx);
  const second = await lifecycle.onMerged(JANE, 'survivor-1', ctx);

  expect([first, second]).toEqual([3, 0]);
  expect(donations.rows.get(givenGift().id)?.donorId).toBe('survivor-1');
  expect(donations.rows.get('gift-2')?.softCredits[0]?.contactId).toBe('survivor-1');
  expect(donations.rows.get('gift-3')?.tribute?.honoreeContactId).toBe('survivor-1');
  expect(donations.published).toHaveLength(3);
});

it('forgets an erased person on every gift and keeps the amounts', async () => {
  const { donations, lifecycle, byJane } = given();

  await lifecycle.onErased(JANE, ctx);

  expect(donations.rows.get(byJane.id)).not.toHaveProperty('donorId');
  expect(donations.rows.get(byJane.id)?.amount).toEqual(byJane.amount);
  expect(donations.rows.get('gift-2')?.softCredits).toEqual([]);
  expect(donations.rows.get('gift-3')?.tribute).toEqual({ type: 'in_memory_of' });
  expect(await lifecycle.onErased(JANE, ctx)).toBe(0);
});

it('reads a gift again when another write won the race, and still re-points it', async () => {
  const { donations, lifecycle, byJane } = given();
  donations.beforeNextUpdate = () => {
    donations.rows.set(byJane.id, { ...donations.rows.get(byJane.id)!, version: 2, fund: 'Roof' });
  };

  await lifecycle.onMerged(JANE, 'survivor-1', ctx);

  expect(donations.rows.get(byJane.id)).toMatchObject({
    donorId: 'survivor-1',
    fund: 'Roof',
    version: 3,
  });
});
