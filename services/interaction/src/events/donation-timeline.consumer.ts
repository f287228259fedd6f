// The gifts of contacts' timelines, from kith.transaction.v1: every donation event carries the
// gift's state after the change, so each one simply replaces the stored projection if it is
// newer (store/timeline-gift.repository.ts). That also follows merges (the transaction service
// re-points a victim's gifts with kith.donation.updated.v1) and erasures (its update without
// donorId takes the gift off the donor's timeline). Idempotent by the version check, so the
// group keeps no processed-id marks; a redelivered, replayed or late older event stores
// nothing. The tenant is the envelope's, as every consumer reads it.
import type { EventHandler } from '@kith/bus';
import { DONATION_SNAPSHOT_EVENTS as DONATION_EVENTS, parseEventData } from '@kith/events';
import { giftFromSnapshot } from '../domain/timeline-gift';
import type { TimelineGifts } from '../store/timeline-gift.repository';

export const DONATION_TIMELINE_GROUP = 'interaction-donation-timeline';

export function donationTimelineHandlers(
  gifts: Pick<TimelineGifts, 'put'>,
): Record<string, EventHandler> {
  const handlerOf =
    (type: (typeof DONATION_EVENTS)[number]): EventHandler =>
    async (event) => {
      const { donation } = parseEventData(type, event.data);
      if (donation.tenantId !== event.tenantId) {
        throw new Error(`donation ${donation.id} names another tenant than its event`);
      }
      await gifts.put(giftFromSnapshot(donation));
    };
  return Object.fromEntries(DONATION_EVENTS.map((type) => [type, handlerOf(type)]));
}
