// proto <-> domain: int64 amounts read from their decimal strings (and refused by the money
// rule when they are no whole number), masks in either spelling, and the answer's strings.
import type { donationV1 } from '@kith/contracts';
import { DonationErrorCode } from '../src/domain/donation-error';
import { validateDonationInput, validateRefundInput } from '../src/domain/donation-validation';
import {
  createInputFromProto,
  donationToProto,
  givingToProto,
  updateChangesFromProto,
} from '../src/grpc/donation-proto.mapper';
import { JANE, JOHN, T0, errorOf, givenGift } from './support/donation-givens';

const request = (amountMinor: string, fields: object = {}) =>
  ({
    donorId: JANE,
    amount: { amountMinor, currency: 'USD' },
    fields: {
      paymentMethod: 'card',
      paymentStatus: '',
      receivedAt: '2026-11-30T09:00:00Z',
      fund: '',
      campaignId: '',
      sourceCode: '',
      externalReference: '',
      anonymous: false,
      tribute: null,
      softCredits: [],
      ...fields,
    },
  }) as unknown as donationV1.CreateDonationRequest__Output;

describe('reading a create', () => {
  it('reads int64 strings as numbers, leaves proto3 empties out', () => {
    const input = createInputFromProto(
      request('15000', {
        softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: '2500' }],
        tribute: { type: 'in_honor_of', honoreeName: 'Gran', honoreeContactId: '' },
      }),
    );

    expect(input).toEqual({
      donorId: JANE,
      amount: { amountMinor: 15000, currency: 'USD' },
      receivedAt: '2026-11-30T09:00:00Z',
      paymentMethod: 'card',
      tribute: { type: 'in_honor_of', honoreeName: 'Gran' },
      softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: 2500 }],
    });
  });

  it.each([['1.5'], ['1e3'], ['']])(
    'turns the int64 text %p into a refusal of amount.amountMinor, not a rounded amount',
    (text) => {
      const err = errorOf(() => validateDonationInput(createInputFromProto(request(text)), T0));
      expect(err.fieldErrors).toContainEqual({
        field: 'amount.amountMinor',
        message: 'must be a whole number of minor units',
      });
    },
  );

  it('refuses a refund amount past the money limit', () => {
    const err = errorOf(() => validateRefundInput({ amountMinor: Number('1000000000001') }));
    expect(err.code).toBe(DonationErrorCode.VALIDATION_FAILED);
  });
});

describe('reading an update', () => {
  const update = (paths: string[], fields: object = {}) =>
    updateChangesFromProto({
      id: 'd-1',
      expectedVersion: '1',
      fields: { ...request('1').fields, ...fields },
      updateMask: { paths },
    } as unknown as donationV1.UpdateDonationRequest__Output);

  it('maps snake_case and camelCase paths, an empty optional value clearing it', () => {
    expect(
      update(['campaign_id', 'sourceCode', 'anonymous', 'tribute'], { campaignId: 'c-1' }),
    ).toEqual({ campaignId: 'c-1', sourceCode: null, anonymous: false, tribute: null });
  });

  it('refuses an empty mask, an unknown path and a required field cleared, all at once', () => {
    expect(errorOf(() => update([])).fieldErrors).toEqual([
      { field: 'updateMask', message: 'name at least one path' },
    ]);
    expect(
      errorOf(() => update(['amount', 'payment_method'], { paymentMethod: '' })).fieldErrors,
    ).toEqual([
      expect.objectContaining({ field: 'updateMask' }),
      { field: 'paymentMethod', message: 'cannot be cleared' },
    ]);
  });
});

describe('answering', () => {
  it('writes every amount as an int64 string and absent fields as proto3 empties', () => {
    const gift = givenGift({ fund: 'Roof' });

    expect(donationToProto({ ...gift, refundedMinor: 5000 })).toMatchObject({
      version: '1',
      amount: { amountMinor: '15000', currency: 'USD' },
      refundedMinor: '5000',
      netMinor: '10000',
      fund: 'Roof',
      campaignId: '',
      tribute: null,
      donorId: JANE,
    });
    const { donorId: _erased, ...withoutDonor } = gift;
    expect(donationToProto(withoutDonor).donorId).toBe('');
  });

  it('writes giving totals as strings and counts as numbers', () => {
    expect(
      givingToProto(JANE, [
        {
          currency: 'USD',
          hardTotalMinor: 100,
          softTotalMinor: 0,
          giftCount: 1,
          softCreditCount: 0,
          refundedMinor: 0,
          largestGiftMinor: 100,
        },
      ]).currencies?.[0],
    ).toEqual({
      currency: 'USD',
      hardTotalMinor: '100',
      softTotalMinor: '0',
      giftCount: 1,
      softCreditCount: 0,
      refundedMinor: '0',
      firstGiftAt: '',
      lastGiftAt: '',
      largestGiftMinor: '100',
    });
  });
});
