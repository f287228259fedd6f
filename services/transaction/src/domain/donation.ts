// A donation as the transaction service keeps it: one document per gift, its refunds and soft
// credits inside it, so every change to a gift is one single-document write (FerretDB 1.x has
// no multi-document transactions; docs/architecture.md, "Gifts").

import {
  DONATION_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  SOFT_CREDIT_TYPES,
  TRIBUTE_TYPES,
} from '@kith/contracts';

// The vocabulary lives in @kith/contracts, which the gateway's schemas use too.
export { DONATION_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES, SOFT_CREDIT_TYPES, TRIBUTE_TYPES };
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type DonationStatus = (typeof DONATION_STATUSES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type SoftCreditType = (typeof SOFT_CREDIT_TYPES)[number];
export type TributeType = (typeof TRIBUTE_TYPES)[number];

export interface Money {
  /** Whole minor units of `currency` (cents for USD); never a float. */
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export interface SoftCredit {
  contactId: string;
  type: SoftCreditType;
  /** In the gift's currency; at most the gift's amount. */
  amountMinor: number;
  /** Added by the service (household members), not by the caller. */
  automatic: boolean;
}

export interface Tribute {
  type: TributeType;
  /** The honoree as the donor wrote it: personal data, erased with the honoree or donor. */
  honoreeName?: string;
  honoreeContactId?: string;
}

export interface Refund {
  id: string;
  /** In the gift's currency. */
  amountMinor: number;
  refundedAt: string;
  reason?: string;
  externalReference?: string;
}

export interface Donation {
  id: string;
  tenantId: string;
  /** Absent once the donor was erased: the gift and its amount stay, the identity goes. */
  donorId?: string;
  donorKind: 'person' | 'organization';
  amount: Money;
  receivedAt: string;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  /** Derived from paymentStatus and refunds (donationStatus); stored so lists can filter. */
  status: DonationStatus;
  fund?: string;
  campaignId?: string;
  sourceCode?: string;
  anonymous: boolean;
  tribute?: Tribute;
  externalReference?: string;
  softCredits: SoftCredit[];
  refunds: Refund[];
  /** Sum of refunds' amounts, in the gift's currency. */
  refundedMinor: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What is left of the gift after its refunds, in minor units of its currency. */
export function netAmountMinor(donation: Pick<Donation, 'amount' | 'refundedMinor'>): number {
  return donation.amount.amountMinor - donation.refundedMinor;
}

/** The status the gift shows, from the payment's status and the refunds so far. */
export function donationStatus(
  donation: Pick<Donation, 'paymentStatus' | 'amount' | 'refundedMinor'>,
): DonationStatus {
  if (donation.paymentStatus !== 'completed' || donation.refundedMinor === 0) {
    return donation.paymentStatus;
  }
  return netAmountMinor(donation) === 0 ? 'refunded' : 'partially_refunded';
}
