// Keeps members' copies of their household's mailing address current, from the contact
// service's own household events (the mirror of household-members.consumer.ts, which keeps
// households current from contact events). An address change, a join, a leave or a deleted
// household recomputes each member it may affect; a member whose copy changes gets a new
// version and kith.contact.updated.v1 (changedFields: householdAddress), so the marketing
// side sees the new mail reachability. Its own consumer group: a new deployment reads the topic
// from the beginning, which fills in the copies of members who joined before it existed.
// Idempotent without processed-id marks: a recompute reads the current state, so a redelivered
// or replayed event writes nothing.
import type { EventHandler } from '@kith/bus';
import { EVENT_TYPES, parseEventData } from '@kith/events';
import type { HouseholdAddressService } from '../app/household-address.service';
import { membersToRecompute, type HouseholdChange } from '../domain/household-address-decisions';

export const HOUSEHOLD_ADDRESS_CONSUMER_GROUP = 'contact-household-address';

export function householdAddressHandlers(
  service: Pick<HouseholdAddressService, 'recompute'>,
): Record<string, EventHandler> {
  // One member at a time: a retry after a failure recomputes the earlier ones to no effect.
  const recomputeAffected = async (tenantId: string, change: HouseholdChange): Promise<void> => {
    for (const contactId of membersToRecompute(change)) {
      await service.recompute(tenantId, contactId);
    }
  };
  return {
    [EVENT_TYPES.householdUpdated]: async (event) =>
      recomputeAffected(event.tenantId, parseEventData(EVENT_TYPES.householdUpdated, event.data)),
    [EVENT_TYPES.householdDeleted]: async (event) =>
      recomputeAffected(event.tenantId, parseEventData(EVENT_TYPES.householdDeleted, event.data)),
  };
}
