// DonationService against the real servers: gifts stored with their events' commit record,
// contacts checked against the service's own projection of kith.contact.v1 (published here by a
// ContactEventFeed), household members soft-credited, refunds that never exceed the gift even
// when two arrive at once, and creates and refunds that happen once per idempotency key.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { readErrorInfo, readFieldErrors } from '@kith/grpc-kit';
import { waitFor } from '@kith/testkit';
import {
  caller,
  giftRequest,
  newTenant,
  startTransactionTestService,
  type TransactionTestService,
} from './support/transaction-test-service';

let t: TransactionTestService;

beforeAll(async () => {
  t = await startTransactionTestService('donations');
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

const donations = () => t.mongo.db(t.dbName).collection('donations');

describe('recording a gift', () => {
  it('stores a paid gift with its commit record and answers it by id, in its tenant only', async () => {
    const tenant = newTenant();
    const donor = await t.person(tenant);

    const { donation } = await t.client.CreateDonation(giftRequest(donor), caller(tenant));
    const read = await t.client.GetDonation({ id: donation!.id }, caller(tenant));
    const foreign = await failure(t.client.GetDonation({ id: donation!.id }, caller(newTenant())));

    expect(donation).toMatchObject({
      donorId: donor,
      donorKind: 'person',
      amount: { amountMinor: '15000', currency: 'USD' },
      status: 'completed',
      netMinor: '15000',
      version: '1',
      createdBy: 'fundraiser-1',
    });
    expect(read.donation).toEqual(donation);
    expect(foreign.code).toBe(grpc.status.NOT_FOUND);
    const stored = await donations().findOne({ _id: donation!.id as never });
    expect(stored).toMatchObject({ tenantId: tenant, softCreditContactIds: [], version: 1 });
    expect(stored?._outboxLog).toHaveLength(1);
  });

  it('soft-credits the living members of the donor household, not the deceased', async () => {
    const tenant = newTenant();
    const [jane, john, gran] = [
      await t.person(tenant),
      await t.person(tenant),
      await t.person(tenant),
    ];
    const household = randomUUID();
    await t.feed.publish(
      t.feed.prepareHousehold(tenant, household, 1, [
        { contactId: jane },
        { contactId: john },
        { contactId: gran, deceased: true },
      ]),
    );
    await waitFor(
      async () =>
        (await t.mongo
          .db(t.dbName)
          .collection('contact_projection_households')
          .countDocuments({ tenantId: tenant, householdId: household })) === 3,
      { what: 'the household projected' },
    );

    const { donation } = await t.client.CreateDonation(giftRequest(jane), caller(tenant));
    const giving = await t.client.GetGiving({ contactId: john }, caller(tenant));

    expect(donation?.softCredits).toEqual([
      { contactId: john, type: 'household_member', amountMinor: '15000', automatic: true },
    ]);
    expect(giving.currencies).toEqual([
      expect.objectContaining({
        currency: 'USD',
        hardTotalMinor: '0',
        softTotalMinor: '15000',
        giftCount: 0,
        softCreditCount: 1,
      }),
    ]);
  });

  it('refuses an unknown, a deleted or an erased contact, naming each field', async () => {
    const tenant = newTenant();
    const donor = await t.person(tenant);
    const erased = await t.person(tenant);
    const deleted = await t.person(tenant);
    await t.feed.publish(t.feed.prepareErase(tenant, erased));
    await t.feed.publish(t.feed.prepareDelete(tenant, deleted));
    await t.caughtUp();
    const unknown = randomUUID();

    const err = await failure(
      t.client.CreateDonation(
        giftRequest(donor, '5000', {
          softCredits: [
            { contactId: unknown, type: 'solicitor', amountMinor: '5000' },
            { contactId: erased, type: 'in_honor_of', amountMinor: '5000' },
          ],
          tribute: { type: 'in_memory_of', honoreeContactId: deleted },
        }),
        caller(tenant),
      ),
    );

    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(readFieldErrors(err)).toEqual([
      { field: 'softCredits[0].contactId', message: `${unknown} is not a contact of this tenant` },
      { field: 'softCredits[1].contactId', message: `${erased} is erased` },
      { field: 'tribute.honoreeContactId', message: `${deleted} is deleted` },
    ]);
    expect(err.details).toMatch(/^the gift names contacts it cannot credit: softCredits\[0\]/);
    expect(await donations().countDocuments({ tenantId: tenant })).toBe(0);
  });

  it('records a gift by a merge victim under its survivor', async () => {
    const tenant = newTenant();
    const [survivor, victim] = [await t.person(tenant), await t.person(tenant)];
    await t.feed.publish(t.feed.prepareMerge(tenant, survivor, victim));
    await t.caughtUp();

    const { donation } = await t.client.CreateDonation(giftRequest(victim), caller(tenant));
    const victimGiving = await failure(t.client.GetGiving({ contactId: victim }, caller(tenant)));

    expect(donation?.donorId).toBe(survivor);
    expect(victimGiving.code).toBe(grpc.status.NOT_FOUND);
    expect(readErrorInfo(victimGiving)).toEqual({
      reason: 'CONTACT_MERGED',
      metadata: { survivorId: survivor },
    });
  });

  // A fraction cannot even travel as an int64 (the gateway refuses one in JSON; the mapper's
  // unit test covers the string form).
  it.each([
    ['0', 'must be greater than zero'],
    ['1000000000001', 'must be at most 1000000000000 minor units'],
    ['9007199254740993', 'must be a whole number of minor units'],
  ])('refuses the amount %s as INVALID_ARGUMENT', async (amountMinor, message) => {
    const tenant = newTenant();
    const donor = await t.person(tenant);

    const err = await failure(
      t.client.CreateDonation(giftRequest(donor, amountMinor), caller(tenant)),
    );

    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldErrors(err)).toContainEqual({ field: 'amount.amountMinor', message });
  });

  it('answers the same gift however often one idempotency key arrives, also at once', async () => {
    const tenant = newTenant();
    const donor = await t.person(tenant);
    const key = `gift-${randomUUID()}`;
    const send = () => t.client.CreateDonation(giftRequest(donor), caller(tenant, key));

    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    const other = await failure(
      t.client.CreateDonation(giftRequest(donor, '999'), caller(tenant, key)),
    );

    expect(b.donation?.id).toBe(a.donation?.id);
    expect(c.donation?.id).toBe(a.donation?.id);
    expect(other.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(readErrorInfo(other)?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await donations().countDocuments({ tenantId: tenant })).toBe(1);
  });
});

describe('refunds', () => {
  async function paidGift(tenant: string, amountMinor = '15000') {
    const donor = await t.person(tenant);
    const { donation } = await t.client.CreateDonation(
      giftRequest(donor, amountMinor),
      caller(tenant),
    );
    return donation!;
  }

  it('nets a partial refund, then refuses one over what remains', async () => {
    const tenant = newTenant();
    const gift = await paidGift(tenant);

    const partial = await t.client.RefundDonation(
      { donationId: gift.id, amountMinor: '5000', reason: 'duplicate charge' },
      caller(tenant, `r-${randomUUID()}`),
    );
    const over = await failure(
      t.client.RefundDonation(
        { donationId: gift.id, amountMinor: '10001' },
        caller(tenant, `r-${randomUUID()}`),
      ),
    );

    expect(partial.donation).toMatchObject({
      status: 'partially_refunded',
      refundedMinor: '5000',
      netMinor: '10000',
      version: '2',
    });
    expect(partial.refund).toMatchObject({ amountMinor: '5000', reason: 'duplicate charge' });
    expect(over.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(over.details).toMatch(/10000 USD minor units left to refund/);
  });

  it('lets exactly one of two refunds that together exceed the gift through', async () => {
    const tenant = newTenant();
    const gift = await paidGift(tenant);
    const refund = () =>
      t.client.RefundDonation(
        { donationId: gift.id, amountMinor: '10000' },
        caller(tenant, `r-${randomUUID()}`),
      );

    const outcomes = await Promise.allSettled([refund(), refund()]);

    const passed = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [o.reason as grpc.ServiceError] : [],
    );
    expect(passed).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual([grpc.status.FAILED_PRECONDITION]);
    const read = await t.client.GetDonation({ id: gift.id }, caller(tenant));
    expect(read.donation).toMatchObject({ refundedMinor: '10000', netMinor: '5000' });
    expect(read.donation?.refunds).toHaveLength(1);
  });

  it('refunds once however often one idempotency key arrives, also at once', async () => {
    const tenant = newTenant();
    const gift = await paidGift(tenant);
    const key = `refund-${randomUUID()}`;
    const send = () =>
      t.client.RefundDonation({ donationId: gift.id, amountMinor: '4000' }, caller(tenant, key));

    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();

    expect(b.refund?.id).toBe(a.refund?.id);
    expect(c.refund?.id).toBe(a.refund?.id);
    const read = await t.client.GetDonation({ id: gift.id }, caller(tenant));
    expect(read.donation).toMatchObject({ refundedMinor: '4000', version: '2' });
  });
});

describe('listing gifts', () => {
  it('pages newest received first, filtered by donor, with tokens bound to the filters', async () => {
    const tenant = newTenant();
    const [ada, bob] = [await t.person(tenant), await t.person(tenant)];
    const days = ['2026-11-01', '2026-11-03', '2026-11-02'];
    for (const day of days) {
      await t.client.CreateDonation(
        giftRequest(ada, '100', { receivedAt: `${day}T10:00:00Z` }),
        caller(tenant),
      );
    }
    await t.client.CreateDonation(giftRequest(bob), caller(tenant));

    const first = await t.client.ListDonations(
      { page: { pageSize: 2 }, donorId: ada },
      caller(tenant),
    );
    const second = await t.client.ListDonations(
      { page: { pageSize: 2, pageToken: first.page!.nextPageToken }, donorId: ada },
      caller(tenant),
    );
    const otherFilter = await failure(
      t.client.ListDonations(
        { page: { pageSize: 2, pageToken: first.page!.nextPageToken }, donorId: bob },
        caller(tenant),
      ),
    );

    expect([...first.donations, ...second.donations].map((d) => d.receivedAt)).toEqual([
      '2026-11-03T10:00:00.000Z',
      '2026-11-02T10:00:00.000Z',
      '2026-11-01T10:00:00.000Z',
    ]);
    expect(second.page?.nextPageToken).toBe('');
    expect(otherFilter.code).toBe(grpc.status.INVALID_ARGUMENT);
  });
});
