// Keeps households in step with their members, from the contact service's own events:
// kith.contact.updated.v1 refreshes the snapshot of a person renamed or marked deceased (and
// so the generated names) in their household, kith.contact.deleted.v1 lets a deleted person leave it. The
// household is found through the membership claim's `_id`, the cheap lookup on FerretDB.
// Idempotent twice over: ConsumerRunner skips processed event ids, and both effects change
// nothing when repeated (a refresh ignores an event not newer than the snapshot's contact
// version; a person who already left does not leave again).
import type { EventHandler } from '@kith/bus';
import { EVENT_TYPES, parseEventData } from '@kith/events';
import type { HouseholdService } from '../app/household.service';

export const HOUSEHOLD_MEMBERS_CONSUMER_GROUP = 'contact-household-members';

/** Contact fields the member snapshot is taken from (a death date implies deceased). */
const SNAPSHOT_FIELDS = new Set(['person', 'deceased', 'deceasedDate']);

export function householdMemberHandlers(
  service: Pick<HouseholdService, 'refreshMemberName' | 'removeDeletedPerson'>,
): Record<string, EventHandler> {
  return {
    [EVENT_TYPES.contactUpdated]: async (event) => {
      const { contact, changedFields } = parseEventData(EVENT_TYPES.contactUpdated, event.data);
      if (contact.kind !== 'person' || !changedFields.some((f) => SNAPSHOT_FIELDS.has(f))) return;
      await service.refreshMemberName(event.tenantId, {
        contactId: contact.id,
        version: contact.version,
        ...(contact.person?.firstName ? { firstName: contact.person.firstName } : {}),
        ...(contact.person?.lastName ? { lastName: contact.person.lastName } : {}),
        ...(contact.deceased ? { deceased: true } : {}),
      });
    },
    [EVENT_TYPES.contactDeleted]: async (event) => {
      const { contact } = parseEventData(EVENT_TYPES.contactDeleted, event.data);
      if (contact.kind !== 'person') return;
      await service.removeDeletedPerson(event.tenantId, contact.id);
    },
  };
}
