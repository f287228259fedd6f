// A gift as the read model keeps it: one fact per donation at the donation's version, with
// who it counts for (donor-key.ts), its currency, its amount net of refunds and the UTC month
// it was received in. The finest grain the dashboards need: fiscal years, donors and months
// are grouped from these at read time (dashboard.ts), so a new fiscal-year start needs no
// replay. An event carries the gift's whole state, so a later version replaces the fact (an
// edit moves the gift's contribution instead of adding to it), and an older or repeated one
// changes nothing.
import type { DonationSnapshot } from '@kith/events';
import { monthOf } from './fiscal-year';

export interface GiftFact {
  tenantId: string;
  donationId: string;
  /** The donation's version the fact was taken from. */
  version: number;
  donorKey: string;
  currency: string;
  amountMinor: number;
  refundedMinor: number;
  /** `YYYY-MM` (UTC) of receivedAt: a refund nets the gift in the month it was received. */
  month: string;
  status: DonationSnapshot['status'];
}

/** Statuses of a paid gift (refunds keep it paid); pending and failed ones never count. */
const PAID: ReadonlySet<DonationSnapshot['status']> = new Set([
  'completed',
  'partially_refunded',
  'refunded',
]);

export function factFromSnapshot(snapshot: DonationSnapshot, donorKey: string): GiftFact {
  return {
    tenantId: snapshot.tenantId,
    donationId: snapshot.id,
    version: snapshot.version,
    donorKey,
    currency: snapshot.amount.currency,
    amountMinor: snapshot.amount.amountMinor,
    refundedMinor: snapshot.refundedMinor,
    month: monthOf(snapshot.receivedAt),
    status: snapshot.status,
  };
}

/** What is left of the gift after its refunds. */
export function netMinor(fact: Pick<GiftFact, 'amountMinor' | 'refundedMinor'>): number {
  return Math.max(0, fact.amountMinor - fact.refundedMinor);
}

/**
 * A gift counts (as a gift, and its donor as a donor) when it is paid and something is left
 * after its refunds: the transaction service's giving summary counts the same way.
 */
export function counts(fact: Pick<GiftFact, 'status' | 'amountMinor' | 'refundedMinor'>): boolean {
  return PAID.has(fact.status) && netMinor(fact) > 0;
}

/** The newest fact of each donation: several versions may be stored for a moment. */
export function latestFacts<F extends Pick<GiftFact, 'donationId' | 'version'>>(
  facts: Iterable<F>,
): F[] {
  const latest = new Map<string, F>();
  for (const fact of facts) {
    const known = latest.get(fact.donationId);
    if (!known || known.version < fact.version) latest.set(fact.donationId, fact);
  }
  return [...latest.values()];
}

/** Longest merge chain followed (as the contact projection's resolve). */
export const MAX_MERGE_HOPS = 16;

/** The key a donor key stands for now, following recorded merges (victim → survivor). */
export function resolveDonorKey(key: string, merges: ReadonlyMap<string, string>): string {
  let current = key;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop += 1) {
    const next = merges.get(current);
    if (next === undefined || next === key) return current;
    current = next;
  }
  return current;
}
