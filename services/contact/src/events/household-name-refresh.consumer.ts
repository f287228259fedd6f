// Keeps household names current when a member is renamed: consumes the contact service's
// own kith.contact.updated.v1 and refreshes the person's name snapshot in their household
// (found through the membership claim's `_id`, the cheap lookup on FerretDB). Idempotent
// twice over: ConsumerRunner skips processed event ids, and the refresh ignores an event
// not newer than the snapshot's contact version.
import type { EventHandler } from '@kith/bus';
import { EVENT_TYPES, parseEventData } from '@kith/events';
import type { HouseholdService } from '../app/household.service';

export const HOUSEHOLD_NAMES_CONSUMER_GROUP = 'contact-household-names';

export function householdNameHandlers(
  service: Pick<HouseholdService, 'refreshMemberName'>,
): Record<string, EventHandler> {
  return {
    [EVENT_TYPES.contactUpdated]: async (event) => {
      const { contact, changedFields } = parseEventData(EVENT_TYPES.contactUpdated, event.data);
      if (contact.kind !== 'person' || !changedFields.includes('person')) return;
      await service.refreshMemberName(event.tenantId, {
        contactId: contact.id,
        version: contact.version,
        ...(contact.person?.firstName ? { firstName: contact.person.firstName } : {}),
        ...(contact.person?.lastName ? { lastName: contact.person.lastName } : {}),
      });
    },
  };
}
