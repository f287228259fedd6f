// The giving and activity facts segments ask about, from kith.transaction.v1 and
// kith.interaction.v1: every event carries its record's full state, so each one replaces the
// stored fact if it is newer (putNewerVersion). That also follows merges and erasures, which
// the owning services publish as updates (a re-pointed donor, an erased participant removed).
// Idempotent by the version check: the groups keep no processed-id marks. The tenant is the
// envelope's, as every consumer reads it.
import type { EventHandler } from '@kith/bus';
import { EVENT_TYPES, parseEventData } from '@kith/events';
import { activityFromSnapshot, giftFromSnapshot } from '../domain/marketing-facts';
import type { MarketingFacts } from '../store/marketing-facts.repository';

export const MARKETING_GIVING_GROUP = 'marketing-giving';
export const MARKETING_ACTIVITY_GROUP = 'marketing-activity';

const DONATION_EVENTS = [
  EVENT_TYPES.donationCreated,
  EVENT_TYPES.donationUpdated,
  EVENT_TYPES.donationRefunded,
] as const;
const INTERACTION_EVENTS = [
  EVENT_TYPES.interactionCreated,
  EVENT_TYPES.interactionUpdated,
  EVENT_TYPES.interactionDeleted,
] as const;

function sameTenant(recordTenant: string, eventTenant: string, what: string) {
  if (recordTenant !== eventTenant) throw new Error(`${what} names another tenant than its event`);
}

export function givingHandlers(
  facts: Pick<MarketingFacts, 'putGift'>,
): Record<string, EventHandler> {
  const handlerOf =
    (type: (typeof DONATION_EVENTS)[number]): EventHandler =>
    async (event) => {
      const { donation } = parseEventData(type, event.data);
      sameTenant(donation.tenantId, event.tenantId, `donation ${donation.id}`);
      await facts.putGift(giftFromSnapshot(donation));
    };
  return Object.fromEntries(DONATION_EVENTS.map((type) => [type, handlerOf(type)]));
}

export function activityHandlers(
  facts: Pick<MarketingFacts, 'putActivity'>,
): Record<string, EventHandler> {
  const handlerOf =
    (type: (typeof INTERACTION_EVENTS)[number]): EventHandler =>
    async (event) => {
      const { interaction } = parseEventData(type, event.data);
      sameTenant(interaction.tenantId, event.tenantId, `interaction ${interaction.id}`);
      await facts.putActivity(activityFromSnapshot(interaction));
    };
  return Object.fromEntries(INTERACTION_EVENTS.map((type) => [type, handlerOf(type)]));
}
