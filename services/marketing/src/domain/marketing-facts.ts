// The giving and activity a segment can ask about: one fact per donation of
// kith.transaction.v1 and per interaction of kith.interaction.v1, as the marketing service
// projects them (ids, amounts, dates, types; never free text). Pure: no I/O.
import type { DonationSnapshot, InteractionSnapshot } from '@kith/events';

/** A donation as giving conditions and attribution read it, at the donation's version. */
export interface GiftFact {
  id: string;
  tenantId: string;
  version: number;
  /** Absent once the donor was erased. */
  donorId?: string;
  amountMinor: number;
  currency: string;
  refundedMinor: number;
  status: DonationSnapshot['status'];
  receivedAt: string;
  campaignId?: string;
  sourceCode?: string;
}

/** An interaction as activity conditions read it. */
export interface ActivityFact {
  id: string;
  tenantId: string;
  version: number;
  type: InteractionSnapshot['type'];
  occurredAt: string;
  contactIds: string[];
  deleted: boolean;
}

const utc = (at: string) => new Date(at).toISOString();

export function giftFromSnapshot(d: DonationSnapshot): GiftFact {
  return {
    id: d.id,
    tenantId: d.tenantId,
    version: d.version,
    ...(d.donorId ? { donorId: d.donorId } : {}),
    amountMinor: d.amount.amountMinor,
    currency: d.amount.currency,
    refundedMinor: d.refundedMinor,
    status: d.status,
    receivedAt: utc(d.receivedAt),
    ...(d.campaignId ? { campaignId: d.campaignId } : {}),
    ...(d.sourceCode ? { sourceCode: d.sourceCode } : {}),
  };
}

export function activityFromSnapshot(i: InteractionSnapshot): ActivityFact {
  return {
    id: i.id,
    tenantId: i.tenantId,
    version: i.version,
    type: i.type,
    occurredAt: utc(i.occurredAt),
    contactIds: [...new Set(i.participantContactIds)],
    deleted: i.deletedAt !== undefined,
  };
}

/** Paid gifts count; pending and failed ones do not. Refunded ones count net (maybe zero). */
export function isPaid(gift: Pick<GiftFact, 'status'>): boolean {
  return (
    gift.status === 'completed' ||
    gift.status === 'partially_refunded' ||
    gift.status === 'refunded'
  );
}

export function netMinor(gift: Pick<GiftFact, 'amountMinor' | 'refundedMinor'>): number {
  return gift.amountMinor - gift.refundedMinor;
}

/** A paid gift with something left after refunds: what giving conditions count. */
export function countsAsGiving(gift: GiftFact): boolean {
  return isPaid(gift) && netMinor(gift) > 0;
}
