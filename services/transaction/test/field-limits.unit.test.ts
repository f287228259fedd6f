// The transaction service's own side of the shared limits (@kith/contracts DONATION_FIELD_LIMITS,
// MONEY_LIMITS): a value at a limit passes the domain's validation, one past it is refused. The
// gateway's field-limits.unit.test.ts holds its zod schemas to the same constants.
import { DONATION_FIELD_LIMITS, MONEY_LIMITS } from '@kith/contracts';
import { decideRefund } from '../src/domain/donation-decisions';
import { validateDonationInput, validateRefundInput } from '../src/domain/donation-validation';
import { T0, T1, giftInput, givenGift } from './support/donation-givens';

const D = DONATION_FIELD_LIMITS;
const text = (n: number) => 'a'.repeat(n);
const credit = (i: number) => ({
  contactId: `0193a1b2-0000-7000-8000-${String(i + 100).padStart(12, '0')}`,
  type: 'solicitor',
  amountMinor: 1,
});
const passes = (act: () => unknown) => {
  try {
    act();
    return true;
  } catch {
    return false;
  }
};

describe('donation validation holds to the shared limits', () => {
  it.each<[string, (n: number) => () => unknown, number]>([
    ['fund', (n) => () => validateDonationInput(giftInput({ fund: text(n) }), T0), D.fund],
    [
      'campaignId',
      (n) => () => validateDonationInput(giftInput({ campaignId: text(n) }), T0),
      D.campaignId,
    ],
    [
      'sourceCode',
      (n) => () => validateDonationInput(giftInput({ sourceCode: text(n) }), T0),
      D.sourceCode,
    ],
    [
      'externalReference',
      (n) => () => validateDonationInput(giftInput({ externalReference: text(n) }), T0),
      D.externalReference,
    ],
    [
      'tribute.honoreeName',
      (n) => () =>
        validateDonationInput(
          giftInput({ tribute: { type: 'in_memory_of', honoreeName: text(n) } }),
          T0,
        ),
      D.honoreeName,
    ],
    [
      'softCredits',
      (n) => () =>
        validateDonationInput(
          giftInput({ softCredits: Array.from({ length: n }, (_, i) => credit(i)) }),
          T0,
        ),
      D.softCredits,
    ],
    [
      'amount.amountMinor',
      (n) => () =>
        validateDonationInput(giftInput({ amount: { amountMinor: n, currency: 'USD' } }), T0),
      MONEY_LIMITS.maxAmountMinor,
    ],
    [
      'refund reason',
      (n) => () => validateRefundInput({ amountMinor: 1, reason: text(n) }),
      D.refundReason,
    ],
    [
      'refund externalReference',
      (n) => () => validateRefundInput({ amountMinor: 1, externalReference: text(n) }),
      D.externalReference,
    ],
    [
      'refund amountMinor',
      (n) => () => validateRefundInput({ amountMinor: n }),
      MONEY_LIMITS.maxAmountMinor,
    ],
  ])('%s: passes at the limit, refused one past it', (_field, act, limit) => {
    expect(passes(act(limit))).toBe(true);
    expect(passes(act(limit + 1))).toBe(false);
  });

  it(`keeps at most ${D.refunds} refunds on one gift`, () => {
    let gift = givenGift({ amount: { amountMinor: 1000, currency: 'USD' } });
    for (let i = 0; i < D.refunds; i += 1) {
      gift = decideRefund(gift, { amountMinor: 1 }, { id: `r-${i}`, now: T1 }).donation;
    }

    expect(gift.refunds).toHaveLength(D.refunds);
    expect(passes(() => decideRefund(gift, { amountMinor: 1 }, { id: 'r-past', now: T1 }))).toBe(
      false,
    );
  });
});
