// What the marketing service publishes on kith.marketing.v1, as outbox items: segment and
// campaign events (definitions and counts, no people) and one message.requested per message
// (the recipient's address and rendered text: personal data, docs/privacy.md).
import { outboxItems, type OutboxItem } from '@kith/bus';
import {
  EVENT_TYPES,
  MARKETING_SOURCE,
  TOPICS,
  type CampaignSnapshot,
  type MessageRequestedData,
  type SegmentSnapshot,
} from '@kith/events';
import type { Campaign, CampaignEvent } from '../domain/campaign';
import type { Segment, SegmentEvent } from '../domain/segment';

export function segmentSnapshot(s: Segment): SegmentSnapshot {
  return {
    id: s.id,
    tenantId: s.tenantId,
    version: s.version,
    name: s.name,
    ...(s.description ? { description: s.description } : {}),
    definition: s.definition,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    ...(s.deletedAt ? { deletedAt: s.deletedAt } : {}),
  };
}

export function campaignSnapshot(c: Campaign): CampaignSnapshot {
  return {
    id: c.id,
    tenantId: c.tenantId,
    version: c.version,
    name: c.name,
    channel: c.channel,
    segmentId: c.segmentId,
    ...(c.sourceCode ? { sourceCode: c.sourceCode } : {}),
    state: c.state,
    ...(c.counts ? { counts: { ...c.counts, excluded: { ...c.counts.excluded } } } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.sendStartedAt ? { sendStartedAt: c.sendStartedAt } : {}),
    ...(c.sendFinishedAt ? { sendFinishedAt: c.sendFinishedAt } : {}),
  };
}

const SEGMENT_TYPES = {
  created: EVENT_TYPES.segmentCreated,
  updated: EVENT_TYPES.segmentUpdated,
  deleted: EVENT_TYPES.segmentDeleted,
} as const;

export function segmentOutboxItems(events: readonly SegmentEvent[]): OutboxItem[] {
  return outboxItems(
    TOPICS.marketing,
    MARKETING_SOURCE,
    events.map((e) => ({
      type: SEGMENT_TYPES[e.type],
      key: e.segment.id,
      tenantId: e.segment.tenantId,
      time: e.segment.updatedAt,
      data: { segment: segmentSnapshot(e.segment), actorId: e.actorId },
    })),
  );
}

export function campaignOutboxItems(events: readonly CampaignEvent[]): OutboxItem[] {
  return outboxItems(
    TOPICS.marketing,
    MARKETING_SOURCE,
    events.map((e) =>
      e.type === 'created'
        ? {
            type: EVENT_TYPES.campaignCreated,
            key: e.campaign.id,
            tenantId: e.campaign.tenantId,
            time: e.campaign.updatedAt,
            data: { campaign: campaignSnapshot(e.campaign), actorId: e.actorId },
          }
        : {
            type: EVENT_TYPES.campaignSent,
            key: e.campaign.id,
            tenantId: e.campaign.tenantId,
            time: e.campaign.updatedAt,
            data: { campaign: campaignSnapshot(e.campaign) },
          },
    ),
  );
}

/** Keyed by the contact: a person's messages stay in order for a timeline. */
export function messageOutboxItems(message: MessageRequestedData): OutboxItem[] {
  return outboxItems(TOPICS.marketing, MARKETING_SOURCE, [
    {
      type: EVENT_TYPES.messageRequested,
      key: message.contactId,
      tenantId: message.tenantId,
      time: message.requestedAt,
      data: message,
    },
  ]);
}
