// Campaign messages on timelines, from kith.marketing.v1: each message.requested event is
// stored once under its recipient (store/timeline-message.repository.ts), or under the end of
// the recipient's merge chain, and not at all for an erased recipient. The recipient's fate
// is read again after the write: a merge or erasure whose hook swept the messages between the
// first read and the write is repaired here, so one of the two always sees the other's effect
// (the hooks record the fate before they sweep, app/interaction-lifecycle.service.ts). Other
// marketing events are not the timeline's. Idempotent by the message's `_id`: no processed marks.
import type { EventHandler } from '@kith/bus';
import { EVENT_TYPES, parseEventData } from '@kith/events';
import type { ContactStandings } from '../app/contact-standings';
import { messageFromEvent } from '../domain/timeline-message';
import type { TimelineMessages } from '../store/timeline-message.repository';

export const CAMPAIGN_MESSAGE_TIMELINE_GROUP = 'interaction-marketing-timeline';

export function campaignMessageTimelineHandlers(
  messages: Pick<TimelineMessages, 'put' | 'remove' | 'repoint'>,
  standings: Pick<ContactStandings, 'standing'>,
): Record<string, EventHandler> {
  return {
    [EVENT_TYPES.messageRequested]: async (event) => {
      const data = parseEventData(EVENT_TYPES.messageRequested, event.data);
      if (data.tenantId !== event.tenantId) {
        throw new Error(`message ${data.messageId} names another tenant than its event`);
      }
      const before = await standings.standing(data.tenantId, data.contactId);
      if (before.state === 'erased') return;
      const contactId = before.state === 'live' ? before.id : data.contactId;
      await messages.put({ ...messageFromEvent(data), contactId });
      const after = await standings.standing(data.tenantId, contactId);
      if (after.state === 'erased') await messages.remove(data.tenantId, data.messageId);
      else if (after.state === 'live' && after.id !== contactId) {
        await messages.repoint(data.tenantId, contactId, after.id);
      }
    },
  };
}
