import { DONATION_FIELD_LIMITS, MONEY_LIMITS } from '@kith/contracts';
import { DonationErrorCode } from '../src/domain/donation-error';
import {
  validateDonationDetails,
  validateDonationInput,
  validateRefundInput,
} from '../src/domain/donation-validation';
import { JANE, JOHN, T0, errorOf, giftInput } from './support/donation-givens';

const fieldsOf = (act: () => unknown) => errorOf(act).fieldErrors.map((e) => e.field);

describe('validating a new donation', () => {
  it('accepts a gift and normalises its received time to UTC', () => {
    const clean = validateDonationInput(giftInput({ receivedAt: '2026-11-30T10:00:00+01:00' }), T0);

    expect(clean.receivedAt).toBe('2026-11-30T09:00:00.000Z');
    expect(clean.amount).toEqual({ amountMinor: 15_000, currency: 'USD' });
  });

  it.each([
    [{ amountMinor: 0, currency: 'USD' }, 'amount.amountMinor'],
    [{ amountMinor: -5, currency: 'USD' }, 'amount.amountMinor'],
    [{ amountMinor: 10.5, currency: 'USD' }, 'amount.amountMinor'],
    [{ amountMinor: MONEY_LIMITS.maxAmountMinor + 1, currency: 'USD' }, 'amount.amountMinor'],
    [{ amountMinor: 100, currency: 'usd' }, 'amount.currency'],
    [{ amountMinor: 100, currency: 'XXX' }, 'amount.currency'],
    [{ amountMinor: 100, currency: 'DEM' }, 'amount.currency'],
  ])('refuses the amount %j under %s', (amount, field) => {
    const error = errorOf(() => validateDonationInput(giftInput({ amount }), T0));

    expect(error.code).toBe(DonationErrorCode.VALIDATION_FAILED);
    expect(error.fieldErrors.map((e) => e.field)).toEqual([field]);
    expect(error.message).toMatch(/^invalid donation: /);
  });

  it('accepts the largest amount one record may carry', () => {
    const amount = { amountMinor: MONEY_LIMITS.maxAmountMinor, currency: 'JPY' };

    expect(validateDonationInput(giftInput({ amount }), T0).amount).toEqual(amount);
  });

  it('collects every problem at once', () => {
    expect(
      fieldsOf(() =>
        validateDonationInput(
          giftInput({ donorId: 'jane', paymentMethod: 'barter', receivedAt: '2026-11-30' }),
          T0,
        ),
      ),
    ).toEqual(['donorId', 'paymentMethod', 'receivedAt']);
  });

  it('refuses a gift dated more than a day ahead', () => {
    expect(
      fieldsOf(() => validateDonationInput(giftInput({ receivedAt: '2026-12-03T10:00:01Z' }), T0)),
    ).toEqual(['receivedAt']);
  });

  it('refuses a soft credit to the same person twice, an unknown type and a zero amount', () => {
    const softCredits = [
      { contactId: JOHN, type: 'solicitor', amountMinor: 100 },
      { contactId: JOHN, type: 'cousin', amountMinor: 0 },
    ];

    expect(fieldsOf(() => validateDonationInput(giftInput({ softCredits }), T0))).toEqual([
      'softCredits[1].contactId',
      'softCredits[1].type',
      'softCredits[1].amountMinor',
    ]);
  });

  it('refuses more soft credits than a gift keeps', () => {
    const softCredits = Array.from({ length: DONATION_FIELD_LIMITS.softCredits + 1 }, (_, i) => ({
      contactId: `0193a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`,
      type: 'solicitor',
      amountMinor: 1,
    }));

    expect(fieldsOf(() => validateDonationInput(giftInput({ softCredits }), T0))).toEqual([
      'softCredits',
    ]);
  });

  it('needs a tribute to name its honoree, by name or id', () => {
    expect(
      fieldsOf(() => validateDonationInput(giftInput({ tribute: { type: 'in_memory_of' } }), T0)),
    ).toEqual(['tribute']);
    expect(
      validateDonationInput(
        giftInput({ tribute: { type: 'in_memory_of', honoreeName: ' Ada Byron ' } }),
        T0,
      ).tribute,
    ).toEqual({ type: 'in_memory_of', honoreeName: 'Ada Byron' });
  });

  it('refuses a fund name over its limit and control characters in a source code', () => {
    const fund = 'f'.repeat(DONATION_FIELD_LIMITS.fund + 1);

    expect(
      fieldsOf(() => validateDonationInput(giftInput({ fund, sourceCode: 'A\u0007' }), T0)),
    ).toEqual(['fund', 'sourceCode']);
  });
});

describe('validating changes to a donation', () => {
  it('reads a blank text as clearing it', () => {
    expect(validateDonationDetails({ fund: '  ', campaignId: null }, T0)).toEqual({
      fund: null,
      campaignId: null,
    });
  });

  it('refuses a status that only refunds set', () => {
    expect(fieldsOf(() => validateDonationDetails({ paymentStatus: 'refunded' }, T0))).toEqual([
      'paymentStatus',
    ]);
  });
});

describe('validating a refund', () => {
  it('needs a positive whole amount', () => {
    expect(fieldsOf(() => validateRefundInput({ amountMinor: 0 }))).toEqual(['amountMinor']);
    expect(validateRefundInput({ amountMinor: 500, reason: ' duplicate charge ' })).toEqual({
      amountMinor: 500,
      reason: 'duplicate charge',
    });
  });

  it('uses the donor id given', () => {
    expect(validateDonationInput(giftInput(), T0).donorId).toBe(JANE);
  });
});
