// Gift facts from kith.transaction.v1. Every donation event carries the gift's state after the
// change, so each one is turned into a fact at the donation's version (app/gift-projection):
// idempotent by the version, so the groups keep no processed-id marks, and a redelivered,
// replayed or late older event changes no number. The live group writes the serving version
// (and the one a rebuild fills); a rebuild's group, reading from offset 0, writes only its
// own tenant's gifts into its own version. The tenant is the envelope's.
import type { EventHandler } from '@kith/bus';
import { DONATION_SNAPSHOT_EVENTS, parseEventData, type DonationSnapshot } from '@kith/events';
import type { GiftProjection } from '../app/gift-projection.service';

export const DONATION_FACTS_GROUP = 'analytics-donation-facts';

function handlersOf(apply: (donation: DonationSnapshot) => Promise<void>) {
  const handlerOf =
    (type: (typeof DONATION_SNAPSHOT_EVENTS)[number]): EventHandler =>
    async (event) => {
      const { donation } = parseEventData(type, event.data);
      if (donation.tenantId !== event.tenantId) {
        throw new Error(`donation ${donation.id} names another tenant than its event`);
      }
      await apply(donation);
    };
  return Object.fromEntries(DONATION_SNAPSHOT_EVENTS.map((type) => [type, handlerOf(type)]));
}

export function liveDonationHandlers(
  gifts: Pick<GiftProjection, 'applyLive'>,
): Record<string, EventHandler> {
  return handlersOf((donation) => gifts.applyLive(donation));
}

export function rebuildDonationHandlers(
  gifts: Pick<GiftProjection, 'applyTo'>,
  target: { tenantId: string; readModel: number },
): Record<string, EventHandler> {
  return handlersOf(async (donation) => {
    if (donation.tenantId === target.tenantId) await gifts.applyTo(target.readModel, donation);
  });
}
