import { decideRefund } from '../src/domain/donation-decisions';
import { summarizeGiving } from '../src/domain/giving-summary';
import { AMY, JANE, JOHN, REFUND_ID, T1, givenGift, janeAtHome } from './support/donation-givens';

const withId = (gift: ReturnType<typeof givenGift>, id: string) => ({ ...gift, id });

describe("a contact's giving summary", () => {
  it('keeps each currency apart and never adds them up', () => {
    const usd = withId(givenGift({ amount: { amountMinor: 15_000, currency: 'USD' } }), 'g1');
    const eur = withId(givenGift({ amount: { amountMinor: 2_000, currency: 'EUR' } }), 'g2');

    expect(summarizeGiving(JANE, [usd, eur]).map((g) => [g.currency, g.hardTotalMinor])).toEqual([
      ['EUR', 2_000],
      ['USD', 15_000],
    ]);
  });

  it('nets refunds, counts first, last and largest gift from what is left', () => {
    const early = withId(givenGift({ receivedAt: '2026-01-05T00:00:00Z' }), 'g1');
    const late = withId(
      decideRefund(
        givenGift({
          receivedAt: '2026-06-05T00:00:00Z',
          amount: { amountMinor: 20_000, currency: 'USD' },
        }),
        { amountMinor: 8_000 },
        { id: REFUND_ID, now: T1 },
      ).donation,
      'g2',
    );

    expect(summarizeGiving(JANE, [late, early])).toEqual([
      {
        currency: 'USD',
        hardTotalMinor: 15_000 + 12_000,
        softTotalMinor: 0,
        giftCount: 2,
        softCreditCount: 0,
        refundedMinor: 8_000,
        firstGiftAt: '2026-01-05T00:00:00.000Z',
        lastGiftAt: '2026-06-05T00:00:00.000Z',
        largestGiftMinor: 15_000,
      },
    ]);
  });

  it('gives a soft-credited household member soft credit and no hard credit', () => {
    const gift = givenGift({}, janeAtHome);

    expect(summarizeGiving(JOHN, [gift])).toEqual([
      expect.objectContaining({
        hardTotalMinor: 0,
        giftCount: 0,
        softTotalMinor: 15_000,
        softCreditCount: 1,
      }),
    ]);
  });

  it('caps a soft credit at what is left of a partly refunded gift', () => {
    const gift = decideRefund(
      givenGift({}, janeAtHome),
      { amountMinor: 10_000 },
      { id: REFUND_ID, now: T1 },
    ).donation;

    expect(summarizeGiving(JOHN, [gift])[0]?.softTotalMinor).toBe(5_000);
  });

  it('counts neither pledges nor failed payments nor fully refunded gifts', () => {
    const pledge = withId(givenGift({ paymentStatus: 'pending' }), 'g1');
    const failed = withId(givenGift({ paymentStatus: 'failed' }), 'g2');
    const returned = withId(
      decideRefund(givenGift(), { amountMinor: 15_000 }, { id: REFUND_ID, now: T1 }).donation,
      'g3',
    );

    expect(summarizeGiving(JANE, [pledge, failed, returned])).toEqual([
      expect.objectContaining({ hardTotalMinor: 0, giftCount: 0, refundedMinor: 15_000 }),
    ]);
  });

  it('counts a gift found by both of its queries once', () => {
    const gift = givenGift();

    expect(summarizeGiving(JANE, [gift, gift])[0]?.giftCount).toBe(1);
  });

  it('is empty for someone who neither gave nor was credited', () => {
    expect(summarizeGiving(AMY, [givenGift()])).toEqual([]);
  });
});
