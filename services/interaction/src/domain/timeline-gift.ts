// A gift as contacts' timelines show it: the interaction service's projection of one donation
// of kith.transaction.v1, at the donation's version. It keeps what the events carry and a
// timeline shows (ids, amounts, dates, the gift's designation), never free text about a person
// (the events carry none). Plain functions: which contacts the gift shows on, and in which
// months (the timeline's directory, store/timeline-months.ts).
import type { DonationSnapshot } from '@kith/events';
import { occurredMonth } from './interaction';

export interface TimelineGift {
  /** The donation's id. */
  id: string;
  tenantId: string;
  /** The donation's version: a replayed or late older event never replaces a newer one. */
  version: number;
  /** Absent once the donor was erased: the gift then shows on nobody's timeline as given. */
  donorId?: string;
  donorKind: DonationSnapshot['donorKind'];
  amount: { amountMinor: number; currency: string };
  refundedMinor: number;
  status: DonationSnapshot['status'];
  paymentMethod: string;
  fund?: string;
  campaignId?: string;
  receivedAt: string;
  anonymous: boolean;
  softCredits: Array<{
    contactId: string;
    type: DonationSnapshot['softCredits'][number]['type'];
    amountMinor: number;
    automatic: boolean;
  }>;
  refunds: Array<{ id: string; amountMinor: number; refundedAt: string }>;
}

/** Where a gift shows: a contact and a month (UTC `YYYY-MM`) of one of its entries. */
export interface TimelinePlace {
  contactId: string;
  month: string;
}

/** Times as the rest of the timeline stores them (toISOString, UTC), so strings sort as times. */
const utc = (at: string): string => new Date(at).toISOString();

/** The projection of the donation as the event carries it after the change. */
export function giftFromSnapshot(snapshot: DonationSnapshot): TimelineGift {
  return {
    id: snapshot.id,
    tenantId: snapshot.tenantId,
    version: snapshot.version,
    ...(snapshot.donorId ? { donorId: snapshot.donorId } : {}),
    donorKind: snapshot.donorKind,
    amount: { amountMinor: snapshot.amount.amountMinor, currency: snapshot.amount.currency },
    refundedMinor: snapshot.refundedMinor,
    status: snapshot.status,
    paymentMethod: snapshot.paymentMethod,
    ...(snapshot.fund ? { fund: snapshot.fund } : {}),
    ...(snapshot.campaignId ? { campaignId: snapshot.campaignId } : {}),
    receivedAt: utc(snapshot.receivedAt),
    anonymous: snapshot.anonymous,
    softCredits: snapshot.softCredits.map(({ contactId, type, amountMinor, automatic }) => ({
      contactId,
      type,
      amountMinor,
      automatic,
    })),
    refunds: snapshot.refunds.map(({ id, amountMinor, refundedAt }) => ({
      id,
      amountMinor,
      refundedAt: utc(refundedAt),
    })),
  };
}

/** What is left of the gift after its refunds, in minor units of its currency. */
export function giftNetMinor(gift: Pick<TimelineGift, 'amount' | 'refundedMinor'>): number {
  return gift.amount.amountMinor - gift.refundedMinor;
}

/**
 * Every (contact, month) the gift has an entry in: the donor at the received month and at each
 * refund's month; each soft-credited contact (not the donor) at the received month. Sorted,
 * no duplicates.
 */
export function giftPlaces(gift: TimelineGift): TimelinePlace[] {
  const places = new Map<string, TimelinePlace>();
  const add = (contactId: string, at: string) => {
    const month = occurredMonth(at);
    places.set(`${contactId}\n${month}`, { contactId, month });
  };
  if (gift.donorId) {
    add(gift.donorId, gift.receivedAt);
    for (const refund of gift.refunds) add(gift.donorId, refund.refundedAt);
  }
  for (const credit of gift.softCredits) {
    if (credit.contactId !== gift.donorId) add(credit.contactId, gift.receivedAt);
  }
  return [...places.keys()].sort().map((key) => places.get(key) as TimelinePlace);
}

/** The key a stored gift is found by for one contact's month: `<contactId>:<YYYY-MM>`. */
export const placeKey = (place: TimelinePlace): string => `${place.contactId}:${place.month}`;
