// Givens shared by the donation domain tests: a tenant, ids, a clock, and gifts in a state.
import { decideCreateDonation, type Donor } from '../../src/domain/donation-decisions';
import type { Donation } from '../../src/domain/donation';
import { validateDonationInput, type DonationInput } from '../../src/domain/donation-validation';
import { DonationError } from '../../src/domain/donation-error';

export const TENANT = 'tenant-1';
export const T0 = '2026-12-01T10:00:00.000Z';
export const T1 = '2026-12-02T10:00:00.000Z';
export const GIFT_ID = '0193a1b2-0000-7000-8000-000000000001';
export const REFUND_ID = '0193a1b2-0000-7000-8000-0000000000f1';
export const JANE = '0193a1b2-0000-7000-8000-00000000000a';
export const JOHN = '0193a1b2-0000-7000-8000-00000000000b';
export const AMY = '0193a1b2-0000-7000-8000-00000000000c';
export const GRAN = '0193a1b2-0000-7000-8000-00000000000d';

export const janeAlone: Donor = { id: JANE, kind: 'person' };

/** Jane lives with John (alive) and Gran (deceased). */
export const janeAtHome: Donor = {
  id: JANE,
  kind: 'person',
  household: {
    members: [
      { contactId: JOHN, deceased: false },
      { contactId: GRAN, deceased: true },
    ],
  },
};

export function giftInput(overrides: Partial<DonationInput> = {}): DonationInput {
  return {
    donorId: JANE,
    amount: { amountMinor: 15_000, currency: 'USD' },
    receivedAt: '2026-11-30T09:00:00Z',
    paymentMethod: 'card',
    ...overrides,
  };
}

/** A paid gift of 150.00 USD by `donor`, recorded at T0. */
export function givenGift(
  overrides: Partial<DonationInput> = {},
  donor: Donor = janeAlone,
): Donation {
  return decideCreateDonation(
    { tenantId: TENANT, input: validateDonationInput(giftInput(overrides), T0), createdBy: 'u-1' },
    donor,
    { id: GIFT_ID, now: T0 },
  ).donation;
}

/** The DonationError `act` throws; fails the test if it throws nothing or something else. */
export function errorOf(act: () => unknown): DonationError {
  try {
    act();
  } catch (err) {
    if (err instanceof DonationError) return err;
    throw err;
  }
  throw new Error('expected a DonationError, nothing was thrown');
}
