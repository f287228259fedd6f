// One contact's timeline: what happened with them, newest first. Interactions they took part
// in, and from the projection of kith.transaction.v1 the gifts they gave (at the received
// date, showing the net of every refund), the gifts soft-credited to them (NPSP shows soft
// credits on the credited contact; so does Kith, as their own kind) and the refunds of their
// gifts (each its own entry at its refundedAt; a soft-credited contact sees the credit's net,
// not the refund), and from the projection of kith.marketing.v1 the campaign messages sent to
// them. Plain functions: the entries a stored gift gives one contact, their order,
// and whether an entry belongs to a page.
import { TIMELINE_ENTRY_KINDS } from '@kith/contracts';
import type { Interaction } from './interaction';
import type { ListPosition } from './interaction-list-query';
import { giftNetMinor, type TimelineGift } from './timeline-gift';
import type { TimelineMessage } from './timeline-message';

export const TIMELINE_KINDS = TIMELINE_ENTRY_KINDS;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The kinds that come from gifts (the projection), not from interactions. */
export const GIFT_KINDS: readonly TimelineKind[] = ['gift', 'soft_credit', 'refund'];

interface EntryBase {
  /** Unique within the contact's timeline; breaks ties of occurredAt (newest first = highest). */
  key: string;
  occurredAt: string;
}

export type TimelineEntry =
  | (EntryBase & { kind: 'interaction'; interaction: Interaction })
  | (EntryBase & { kind: 'gift'; gift: TimelineGift })
  | (EntryBase & {
      kind: 'soft_credit';
      gift: TimelineGift;
      softCredit: TimelineGift['softCredits'][number] & { netMinor: number };
    })
  | (EntryBase & { kind: 'refund'; gift: TimelineGift; refund: TimelineGift['refunds'][number] })
  | (EntryBase & { kind: 'campaign_message'; message: TimelineMessage });

/** A campaign message's entry, at the time the marketing service requested it. */
export function messageEntry(message: TimelineMessage): TimelineEntry {
  return {
    kind: 'campaign_message',
    key: `campaign_message_${message.id}`,
    occurredAt: message.requestedAt,
    message,
  };
}

/** An interaction's entry: its key is its id, as in the interaction listing's positions. */
export function interactionEntry(interaction: Interaction): TimelineEntry {
  return {
    kind: 'interaction',
    key: interaction.id,
    occurredAt: interaction.occurredAt,
    interaction,
  };
}

/** The entries the gift gives the contact: given, soft-credited, and its refunds if given. */
export function giftEntriesFor(gift: TimelineGift, contactId: string): TimelineEntry[] {
  if (gift.donorId === contactId) {
    return [
      { kind: 'gift', key: `gift_${gift.id}`, occurredAt: gift.receivedAt, gift },
      ...gift.refunds.map((refund) => ({
        kind: 'refund' as const,
        key: `refund_${refund.id}`,
        occurredAt: refund.refundedAt,
        gift,
        refund,
      })),
    ];
  }
  const credit = gift.softCredits.find((c) => c.contactId === contactId);
  if (!credit) return [];
  const netMinor = Math.max(0, Math.min(credit.amountMinor, giftNetMinor(gift)));
  return [
    {
      kind: 'soft_credit',
      key: `soft_credit_${gift.id}`,
      occurredAt: gift.receivedAt,
      gift,
      softCredit: { ...credit, netMinor },
    },
  ];
}

/** Newest first: occurredAt, then key, both descending (ISO strings in UTC sort as times). */
export function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? 1 : -1;
  if (a.key === b.key) return 0;
  return a.key < b.key ? 1 : -1;
}

export const entryPosition = (entry: TimelineEntry): ListPosition => ({
  occurredAt: entry.occurredAt,
  id: entry.key,
});

/** What a page asks of its entries: kinds, interaction type, time range, and where it starts. */
export interface EntryFilter {
  kinds?: readonly TimelineKind[];
  type?: Interaction['type'];
  /** occurredAt >= from. */
  from?: string;
  /** occurredAt < to. */
  to?: string;
  after?: ListPosition;
}

export function wantsKind(filter: Pick<EntryFilter, 'kinds'>, kind: TimelineKind): boolean {
  return !filter.kinds || filter.kinds.includes(kind);
}

/** Whether the filter wants campaign messages (an interaction type: no). */
export const wantsMessages = (filter: Pick<EntryFilter, 'kinds' | 'type'>): boolean =>
  !filter.type && wantsKind(filter, 'campaign_message');

/** Whether the filter wants anything the gift projection holds (an interaction type: no). */
export const wantsGifts = (filter: Pick<EntryFilter, 'kinds' | 'type'>): boolean =>
  !filter.type && GIFT_KINDS.some((kind) => wantsKind(filter, kind));

export function matches(entry: TimelineEntry, filter: EntryFilter): boolean {
  if (!wantsKind(filter, entry.kind)) return false;
  if (filter.type && (entry.kind !== 'interaction' || entry.interaction.type !== filter.type)) {
    return false;
  }
  if (filter.from && entry.occurredAt < filter.from) return false;
  if (filter.to && entry.occurredAt >= filter.to) return false;
  const after = filter.after;
  if (!after) return true;
  return (
    entry.occurredAt < after.occurredAt ||
    (entry.occurredAt === after.occurredAt && entry.key < after.id)
  );
}

/**
 * The months a page may find entries in, newest first: the contact's months (its directory)
 * from the month of `from` up to the month of `to` and of the page's start.
 */
export function monthsToRead(months: readonly string[], filter: EntryFilter): string[] {
  const lowest = filter.from ? filter.from.slice(0, 7) : '';
  const bounds = [filter.to, filter.after?.occurredAt].filter((t): t is string => !!t);
  const highest = bounds.map((t) => t.slice(0, 7)).sort()[0];
  return [...new Set(months)]
    .filter((m) => m >= lowest && (highest === undefined || m <= highest))
    .sort()
    .reverse();
}
