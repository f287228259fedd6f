// A campaign message as contacts' timelines show it: the interaction service's projection of
// one kith.marketing.message.requested.v1. It keeps what a timeline shows (campaign, channel,
// subject, time), not the body or the address, which stay in the marketing service. Plain
// functions: where it shows.
import type { MessageRequestedData } from '@kith/events';
import { occurredMonth } from './interaction';
import type { TimelinePlace } from './timeline-gift';

export interface TimelineMessage {
  /** The message's id. */
  id: string;
  tenantId: string;
  campaignId: string;
  /** The contact it shows on: the recipient, or the survivor they were merged into. */
  contactId: string;
  channel: MessageRequestedData['channel'];
  subject: string;
  sourceCode?: string;
  requestedAt: string;
}

export function messageFromEvent(data: MessageRequestedData): TimelineMessage {
  return {
    id: data.messageId,
    tenantId: data.tenantId,
    campaignId: data.campaignId,
    contactId: data.contactId,
    channel: data.channel,
    subject: data.subject,
    ...(data.sourceCode ? { sourceCode: data.sourceCode } : {}),
    requestedAt: new Date(data.requestedAt).toISOString(),
  };
}

export function messagePlace(
  message: Pick<TimelineMessage, 'contactId' | 'requestedAt'>,
): TimelinePlace {
  return { contactId: message.contactId, month: occurredMonth(message.requestedAt) };
}
