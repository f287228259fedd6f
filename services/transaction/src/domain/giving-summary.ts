// A contact's giving, per currency and never summed across currencies: hard credit (gifts they
// paid, net of refunds) and soft credit (gifts credited to them), as CiviCRM's contribution
// summary and NPSP's rollups show it. Only paid gifts count; pending and failed ones do not,
// and a gift refunded in full counts for nothing. A soft credit is worth at most what is left
// of its gift after refunds.
import { netAmountMinor, type Donation } from './donation';

export interface CurrencyGiving {
  currency: string;
  /** Net of refunds, gifts where the contact is the donor. */
  hardTotalMinor: number;
  softTotalMinor: number;
  /** Paid gifts with something left after refunds. */
  giftCount: number;
  softCreditCount: number;
  refundedMinor: number;
  firstGiftAt?: string;
  lastGiftAt?: string;
  /** Net of refunds. */
  largestGiftMinor: number;
}

function counts(donation: Donation): boolean {
  return donation.paymentStatus === 'completed' && netAmountMinor(donation) > 0;
}

function emptyGiving(currency: string): CurrencyGiving {
  return {
    currency,
    hardTotalMinor: 0,
    softTotalMinor: 0,
    giftCount: 0,
    softCreditCount: 0,
    refundedMinor: 0,
    largestGiftMinor: 0,
  };
}

/** `donations`: every gift naming the contact as donor or in a soft credit (any order). */
export function summarizeGiving(
  contactId: string,
  donations: readonly Donation[],
): CurrencyGiving[] {
  const byCurrency = new Map<string, CurrencyGiving>();
  const of = (currency: string) => {
    let giving = byCurrency.get(currency);
    if (!giving) byCurrency.set(currency, (giving = emptyGiving(currency)));
    return giving;
  };
  const seen = new Set<string>();
  for (const donation of donations) {
    if (seen.has(donation.id)) continue;
    seen.add(donation.id);
    const giving = of(donation.amount.currency);
    const net = netAmountMinor(donation);
    if (donation.donorId === contactId) {
      if (donation.paymentStatus === 'completed') giving.refundedMinor += donation.refundedMinor;
      if (!counts(donation)) continue;
      giving.hardTotalMinor += net;
      giving.giftCount += 1;
      giving.largestGiftMinor = Math.max(giving.largestGiftMinor, net);
      if (!giving.firstGiftAt || donation.receivedAt < giving.firstGiftAt) {
        giving.firstGiftAt = donation.receivedAt;
      }
      if (!giving.lastGiftAt || donation.receivedAt > giving.lastGiftAt) {
        giving.lastGiftAt = donation.receivedAt;
      }
      continue;
    }
    const credit = donation.softCredits.find((c) => c.contactId === contactId);
    if (!credit || !counts(donation)) continue;
    giving.softTotalMinor += Math.min(credit.amountMinor, net);
    giving.softCreditCount += 1;
  }
  return [...byCurrency.values()]
    .filter((g) => g.giftCount + g.softCreditCount + g.refundedMinor > 0)
    .sort((a, b) => a.currency.localeCompare(b.currency));
}
