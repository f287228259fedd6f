// The marketing service's entries of the event catalogue (event-catalogue.ts spreads them in),
// kept apart so the one list stays readable.
import type { CatalogueEntry } from './event-catalogue';
import {
  CampaignCreatedDataSchema,
  CampaignSentDataSchema,
  MessageRequestedDataSchema,
  SegmentChangedDataSchema,
} from './marketing-events.schema';
import { TOPICS } from './topics';

export const MARKETING_SOURCE = 'kith/marketing';

export const MARKETING_EVENT_TYPES = {
  segmentCreated: 'kith.marketing.segment.created.v1',
  segmentUpdated: 'kith.marketing.segment.updated.v1',
  segmentDeleted: 'kith.marketing.segment.deleted.v1',
  campaignCreated: 'kith.marketing.campaign.created.v1',
  campaignSent: 'kith.marketing.campaign.sent.v1',
  messageRequested: 'kith.marketing.message.requested.v1',
} as const;

export const marketingCatalogue = {
  [MARKETING_EVENT_TYPES.segmentCreated]: {
    topic: TOPICS.marketing,
    description: 'A segment (a saved audience definition in the segment language) was created.',
    schema: SegmentChangedDataSchema,
    key: 'segment id',
  },
  [MARKETING_EVENT_TYPES.segmentUpdated]: {
    topic: TOPICS.marketing,
    description: 'A segment was renamed or its definition replaced; carries the new state.',
    schema: SegmentChangedDataSchema,
    key: 'segment id',
  },
  [MARKETING_EVENT_TYPES.segmentDeleted]: {
    topic: TOPICS.marketing,
    description: 'A segment was soft-deleted; carries its last state with deletedAt set.',
    schema: SegmentChangedDataSchema,
    key: 'segment id',
  },
  [MARKETING_EVENT_TYPES.campaignCreated]: {
    topic: TOPICS.marketing,
    description: 'An email campaign was created as a draft (its templates are not carried).',
    schema: CampaignCreatedDataSchema,
    key: 'campaign id',
  },
  [MARKETING_EVENT_TYPES.campaignSent]: {
    topic: TOPICS.marketing,
    description:
      'A campaign finished sending: the counts of its audience, sent, unconfirmed, failed and ' +
      'excluded by reason (they add up to the audience).',
    schema: CampaignSentDataSchema,
    key: 'campaign id',
  },
  [MARKETING_EVENT_TYPES.messageRequested]: {
    topic: TOPICS.marketing,
    description:
      "One campaign message to one contact, with the recipient's address and the rendered " +
      'subject and body, so outside delivery systems can send it. Personal data: the topic ' +
      'needs a finite retention (docs/privacy.md). At most one per (campaign, contact).',
    schema: MessageRequestedDataSchema,
    key: 'contact id',
  },
} satisfies Record<string, CatalogueEntry>;
