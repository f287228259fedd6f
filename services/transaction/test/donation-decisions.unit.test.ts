import { EVENT_TYPES } from '@kith/events';
import {
  decideCreateDonation,
  decideRefund,
  decideUpdateDonation,
} from '../src/domain/donation-decisions';
import {
  decideEraseFromDonation,
  decideRepointDonation,
} from '../src/domain/donation-lifecycle-decisions';
import { DonationErrorCode } from '../src/domain/donation-error';
import { validateDonationDetails, validateDonationInput } from '../src/domain/donation-validation';
import {
  AMY,
  GIFT_ID,
  GRAN,
  JANE,
  JOHN,
  REFUND_ID,
  T0,
  T1,
  TENANT,
  errorOf,
  giftInput,
  givenGift,
  janeAlone,
  janeAtHome,
} from './support/donation-givens';

const refund = (gift: ReturnType<typeof givenGift>, amountMinor: number, reason?: string) =>
  decideRefund(gift, { amountMinor, ...(reason ? { reason } : {}) }, { id: REFUND_ID, now: T1 });

describe('recording a donation', () => {
  it('starts a paid gift at version 1 as completed, with its created event', () => {
    const { donation, events } = decideCreateDonation(
      { tenantId: TENANT, input: validateDonationInput(giftInput(), T0), createdBy: 'u-1' },
      janeAlone,
      { id: GIFT_ID, now: T0 },
    );

    expect(donation).toMatchObject({
      id: GIFT_ID,
      tenantId: TENANT,
      donorId: JANE,
      status: 'completed',
      paymentStatus: 'completed',
      refundedMinor: 0,
      softCredits: [],
      anonymous: false,
      version: 1,
      createdBy: 'u-1',
    });
    expect(events).toEqual([{ type: EVENT_TYPES.donationCreated, donation }]);
  });

  it("soft-credits the donor's living household members the full amount, not the deceased", () => {
    expect(givenGift({}, janeAtHome).softCredits).toEqual([
      { contactId: JOHN, type: 'household_member', amountMinor: 15_000, automatic: true },
    ]);
  });

  it('keeps an explicit credit to a household member instead of adding a second one', () => {
    const softCredits = [{ contactId: JOHN, type: 'solicitor', amountMinor: 2_000 }];

    expect(givenGift({ softCredits }, janeAtHome).softCredits).toEqual([
      { contactId: JOHN, type: 'solicitor', amountMinor: 2_000, automatic: false },
    ]);
  });

  it("gives an organization's gift no household credits", () => {
    const org = { ...janeAtHome, kind: 'organization' as const };

    expect(givenGift({}, org).softCredits).toEqual([]);
  });

  it("refuses a soft credit to the donor or above the gift's amount", () => {
    const softCredits = [
      { contactId: JANE, type: 'solicitor', amountMinor: 100 },
      { contactId: AMY, type: 'matched_donor', amountMinor: 15_001 },
    ];

    const error = errorOf(() => givenGift({ softCredits }));

    expect(error.code).toBe(DonationErrorCode.VALIDATION_FAILED);
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      'softCredits[0].contactId',
      'softCredits[1].amountMinor',
    ]);
  });

  it('records a pledge as pending', () => {
    expect(givenGift({ paymentStatus: 'pending' }).status).toBe('pending');
  });
});

describe('refunding a donation', () => {
  it('partially refunds, nets the amount left and says so in its event', () => {
    const { donation, events } = refund(givenGift(), 5_000, 'changed mind');

    expect(donation).toMatchObject({
      status: 'partially_refunded',
      refundedMinor: 5_000,
      version: 2,
      updatedAt: T1,
      refunds: [{ id: REFUND_ID, amountMinor: 5_000, refundedAt: T1, reason: 'changed mind' }],
    });
    expect(events).toEqual([
      { type: EVENT_TYPES.donationRefunded, donation, refund: donation.refunds[0] },
    ]);
  });

  it('becomes refunded once nothing is left', () => {
    const once = refund(givenGift(), 5_000).donation;

    expect(refund(once, 10_000).donation.status).toBe('refunded');
  });

  it('refuses a refund of more than remains', () => {
    const once = refund(givenGift(), 5_000).donation;

    const error = errorOf(() => refund(once, 10_001));

    expect(error.code).toBe(DonationErrorCode.FAILED_PRECONDITION);
    expect(error.message).toMatch(/10000 USD minor units left/);
  });

  it('refuses to refund a pledge not yet paid', () => {
    expect(errorOf(() => refund(givenGift({ paymentStatus: 'pending' }), 100)).code).toBe(
      DonationErrorCode.FAILED_PRECONDITION,
    );
  });

  it('refuses a refund against a version that is not the stored one', () => {
    const error = errorOf(() =>
      decideRefund(givenGift(), { amountMinor: 1, expectedVersion: 3 }, { id: REFUND_ID, now: T1 }),
    );

    expect(error.code).toBe(DonationErrorCode.VERSION_CONFLICT);
  });
});

describe('changing a donation', () => {
  const update = (gift: ReturnType<typeof givenGift>, changes: object, version = gift.version) =>
    decideUpdateDonation(
      gift,
      { expectedVersion: version, changes: validateDonationDetails(changes, T1) },
      janeAtHome,
      T1,
    );

  it('marks a pledge paid, with the changed fields', () => {
    const { donation, events } = update(givenGift({ paymentStatus: 'pending' }), {
      paymentStatus: 'completed',
    });

    expect(donation).toMatchObject({ status: 'completed', version: 2 });
    expect(events).toEqual([
      {
        type: EVENT_TYPES.donationUpdated,
        donation,
        changedFields: ['paymentStatus', 'status'],
      },
    ]);
  });

  it('refuses to turn a paid gift back into a pledge', () => {
    const error = errorOf(() => update(givenGift(), { paymentStatus: 'pending' }));

    expect(error.code).toBe(DonationErrorCode.FAILED_PRECONDITION);
    expect(error.message).toMatch(/refund it instead/);
  });

  it('changes nothing, and keeps the version, when the values are the ones stored', () => {
    const gift = givenGift({ fund: 'General' });

    expect(update(gift, { fund: 'General' })).toEqual({ donation: gift, events: [] });
  });

  it('clears a fund', () => {
    const { donation } = update(givenGift({ fund: 'General' }), { fund: null });

    expect(donation.fund).toBeUndefined();
  });

  it('refuses a stale version', () => {
    expect(errorOf(() => update(givenGift(), { fund: 'x' }, 7)).code).toBe(
      DonationErrorCode.VERSION_CONFLICT,
    );
  });
});

describe('re-pointing a merge victim', () => {
  it("moves the victim's gift to the survivor", () => {
    const { donation, events } = decideRepointDonation(givenGift(), JANE, AMY, T1);

    expect(donation.donorId).toBe(AMY);
    expect(events.map((e) => e.type)).toEqual([EVENT_TYPES.donationUpdated]);
  });

  it('drops the soft credit of a survivor who now is the donor', () => {
    const gift = givenGift({}, janeAtHome);

    expect(decideRepointDonation(gift, JOHN, JANE, T1).donation.softCredits).toEqual([]);
  });

  it('keeps the larger of two credits that now name one person', () => {
    const softCredits = [
      { contactId: JOHN, type: 'solicitor', amountMinor: 100 },
      { contactId: AMY, type: 'matched_donor', amountMinor: 900 },
    ];
    const gift = givenGift({ softCredits });

    expect(decideRepointDonation(gift, JOHN, AMY, T1).donation.softCredits).toEqual([
      { contactId: AMY, type: 'matched_donor', amountMinor: 900, automatic: false },
    ]);
  });

  it('changes nothing on a gift that does not name the victim (a redelivered merge)', () => {
    const gift = givenGift();

    expect(decideRepointDonation(gift, GRAN, AMY, T1)).toEqual({ donation: gift, events: [] });
  });
});

describe('forgetting an erased person', () => {
  it("keeps the donor's gift and amount but not the donor, their payment reference or refund reasons", () => {
    const gift = refund(
      givenGift({
        externalReference: 'ch_123',
        tribute: { type: 'in_memory_of', honoreeName: 'Ada Byron', honoreeContactId: GRAN },
      }),
      100,
      'Jane called',
    ).donation;

    const { donation, events } = decideEraseFromDonation(gift, JANE, T1);

    expect(donation.donorId).toBeUndefined();
    expect(donation.externalReference).toBeUndefined();
    expect(donation.tribute).toEqual({ type: 'in_memory_of', honoreeContactId: GRAN });
    expect(donation.refunds).toEqual([{ id: REFUND_ID, amountMinor: 100, refundedAt: T1 }]);
    expect(donation.amount).toEqual(gift.amount);
    expect(donation.refundedMinor).toBe(100);
    expect(events).toEqual([
      {
        type: EVENT_TYPES.donationUpdated,
        donation,
        changedFields: ['donorId', 'externalReference', 'tribute', 'refunds'],
      },
    ]);
  });

  it("removes the soft credit and the honoree of an erased person on someone else's gift", () => {
    const gift = givenGift(
      { tribute: { type: 'in_honor_of', honoreeName: 'John Doe', honoreeContactId: JOHN } },
      janeAtHome,
    );

    const { donation } = decideEraseFromDonation(gift, JOHN, T1);

    expect(donation.donorId).toBe(JANE);
    expect(donation.softCredits).toEqual([]);
    expect(donation.tribute).toEqual({ type: 'in_honor_of' });
  });

  it('changes nothing a second time', () => {
    const once = decideEraseFromDonation(givenGift(), JANE, T1).donation;

    expect(decideEraseFromDonation(once, JANE, T1).events).toEqual([]);
  });
});
