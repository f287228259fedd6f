// The use cases over faked stores: contacts resolved through the projection (merge victims
// followed, household members credited), refunds decided again after a lost race, pages with
// tokens bound to their filters, giving folded per currency.
import { EVENT_TYPES } from '@kith/events';
import { DonationContacts } from '../src/app/donation-contacts';
import { DonationService } from '../src/app/donation.service';
import { DonationErrorCode } from '../src/domain/donation-error';
import { FakeDonations, FakeProjection } from './support/donation-fakes';
import { AMY, GRAN, JANE, JOHN, TENANT, giftInput } from './support/donation-givens';

function given() {
  const donations = new FakeDonations();
  const projection = new FakeProjection();
  for (const id of [JANE, JOHN, GRAN]) projection.person(TENANT, id);
  let seq = 0;
  const service = new DonationService({
    donations,
    contacts: new DonationContacts(projection, { waitForUnknownMs: 0 }),
    projection,
    now: () => `2026-12-01T10:00:0${seq++ % 10}.000Z`,
  });
  const create = (
    input = giftInput(),
    id = `0193a1b2-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
  ) => service.create({ tenantId: TENANT, createdBy: 'u-1', input }, id);
  return { donations, projection, service, create };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (err: { code?: string }) => err.code,
  );

describe('creating a gift', () => {
  it("credits the donor's living household members, as the projection knows them", async () => {
    const { projection, create } = given();
    projection.household(TENANT, 'h-1', [
      { contactId: JANE },
      { contactId: JOHN },
      { contactId: GRAN, deceased: true },
    ]);

    const gift = await create();

    expect(gift.softCredits).toEqual([
      { contactId: JOHN, type: 'household_member', amountMinor: 15_000, automatic: true },
    ]);
  });

  it('records the gift of a merge victim, and credits to one, under the survivor', async () => {
    const { projection, create } = given();
    projection.person(TENANT, AMY, { status: 'merged', mergedInto: JOHN });

    const byVictim = await create(giftInput({ donorId: AMY }));
    const creditingVictim = await create(
      giftInput({ softCredits: [{ contactId: AMY, type: 'solicitor', amountMinor: 100 }] }),
    );

    expect(byVictim.donorId).toBe(JOHN);
    expect(creditingVictim.softCredits).toEqual([
      { contactId: JOHN, type: 'solicitor', amountMinor: 100, automatic: false },
    ]);
  });

  it('refuses two credits that are one person since a merge', async () => {
    const { projection, create } = given();
    projection.person(TENANT, AMY, { status: 'merged', mergedInto: JOHN });

    const outcome = await codeOf(
      create(
        giftInput({
          softCredits: [
            { contactId: AMY, type: 'solicitor', amountMinor: 100 },
            { contactId: JOHN, type: 'matched_donor', amountMinor: 100 },
          ],
        }),
      ),
    );

    expect(outcome).toBe(DonationErrorCode.VALIDATION_FAILED);
  });

  it('publishes the created event with the stored gift', async () => {
    const { donations, create } = given();

    const gift = await create();

    expect(donations.published.map((i) => [i.topic, i.key, i.event.type])).toEqual([
      ['kith.transaction.v1', gift.id, EVENT_TYPES.donationCreated],
    ]);
  });
});

describe('refunding a gift', () => {
  it('decides again on the newer gift when another refund won the race, and refuses what no longer fits', async () => {
    const { donations, service, create } = given();
    const gift = await create();
    // Another process refunds 10000 between this refund's read and its write.
    donations.beforeNextUpdate = () => {
      const row = donations.rows.get(gift.id)!;
      donations.rows.set(gift.id, {
        ...row,
        version: 2,
        refundedMinor: 10_000,
        status: 'partially_refunded',
        refunds: [{ id: 'r-other', amountMinor: 10_000, refundedAt: row.createdAt }],
      });
    };

    const outcome = await codeOf(
      service.refund({ tenantId: TENANT, donationId: gift.id, amountMinor: 10_000 }, 'r-mine'),
    );

    expect(outcome).toBe(DonationErrorCode.FAILED_PRECONDITION);
    expect(donations.rows.get(gift.id)?.refundedMinor).toBe(10_000);
  });

  it('refunds on the newer gift when it still fits after the lost race', async () => {
    const { donations, service, create } = given();
    const gift = await create();
    donations.beforeNextUpdate = () => {
      const row = donations.rows.get(gift.id)!;
      donations.rows.set(gift.id, { ...row, version: 2, fund: 'Roof' });
    };

    const { donation } = await service.refund(
      { tenantId: TENANT, donationId: gift.id, amountMinor: 5_000 },
      'r-mine',
    );

    expect(donation).toMatchObject({ version: 3, fund: 'Roof', refundedMinor: 5_000 });
  });

  it('answers a conflict at once when the caller sent the version it read', async () => {
    const { donations, service, create } = given();
    const gift = await create();
    donations.beforeNextUpdate = () => {
      donations.rows.set(gift.id, { ...donations.rows.get(gift.id)!, version: 2 });
    };

    const outcome = await codeOf(
      service.refund(
        { tenantId: TENANT, donationId: gift.id, amountMinor: 5_000, expectedVersion: 1 },
        'r-mine',
      ),
    );

    expect(outcome).toBe(DonationErrorCode.VERSION_CONFLICT);
  });

  it('makes no second refund for a refund id already made', async () => {
    const { donations, service, create } = given();
    const gift = await create();
    const command = { tenantId: TENANT, donationId: gift.id, amountMinor: 5_000 };

    const first = await service.refund(command, 'r-1');
    const again = await service.refund(command, 'r-1');

    expect(again).toEqual(first);
    expect(donations.rows.get(gift.id)).toMatchObject({ refundedMinor: 5_000, version: 2 });
  });
});

describe('listing and giving', () => {
  it('pages newest received first, with a token refused under other filters', async () => {
    const { service, create } = given();
    for (const day of ['01', '03', '02']) {
      await create(giftInput({ receivedAt: `2026-11-${day}T09:00:00Z` }));
    }

    const first = await service.list(TENANT, { pageSize: 2, donorId: JANE });
    const second = await service.list(TENANT, {
      pageSize: 2,
      donorId: JANE,
      pageToken: first.nextPageToken,
    });
    const otherFilter = await codeOf(
      service.list(TENANT, { pageSize: 2, donorId: JOHN, pageToken: first.nextPageToken }),
    );
    const otherTenant = await codeOf(
      service.list('tenant-2', { pageSize: 2, donorId: JANE, pageToken: first.nextPageToken }),
    );

    expect([...first.donations, ...second.donations].map((d) => d.receivedAt.slice(0, 10))).toEqual(
      ['2026-11-03', '2026-11-02', '2026-11-01'],
    );
    expect(second.nextPageToken).toBe('');
    expect(otherFilter).toBe(DonationErrorCode.VALIDATION_FAILED);
    expect(otherTenant).toBe(DonationErrorCode.VALIDATION_FAILED);
  });

  it('folds every gift naming the contact per currency, never across currencies', async () => {
    const { service, create } = given();
    await create();
    await create(giftInput({ amount: { amountMinor: 900, currency: 'EUR' } }));
    await create(
      giftInput({
        donorId: JOHN,
        softCredits: [{ contactId: JANE, type: 'solicitor', amountMinor: 700 }],
      }),
    );

    const giving = await service.giving(TENANT, JANE);

    expect(giving.map((g) => [g.currency, g.hardTotalMinor, g.softTotalMinor])).toEqual([
      ['EUR', 900, 0],
      ['USD', 15_000, 700],
    ]);
  });
});
