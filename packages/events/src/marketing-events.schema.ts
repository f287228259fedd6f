// Schemas of the kith.marketing.*.v1 events (topic kith.marketing.v1). Segment and campaign
// events carry definitions and counts, never people. kith.marketing.message.requested.v1 is
// the exception: one per message, it carries what an outside delivery system needs to send it
// (the recipient's address, the rendered subject and body), so the topic holds personal data
// and needs a finite retention (docs/privacy.md). Evolution rule: add optional fields only;
// anything breaking becomes a new `.v2` type.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');
const actorId = z.string().optional().describe('the user (JWT sub) who made the change');

export const SegmentSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int().positive(),
    name: z.string(),
    description: z.string().optional(),
    definition: z
      .unknown()
      .describe('the definition in the segment language (docs/segments.md, SegmentDefinition)'),
    createdAt: isoTime,
    updatedAt: isoTime,
    deletedAt: isoTime.optional(),
  })
  .describe('State of a segment after the change');

export const SegmentChangedDataSchema = z.object({ segment: SegmentSnapshotSchema, actorId });

export const SendCountsSchema = z
  .object({
    audience: z.number().int().nonnegative(),
    sent: z.number().int().nonnegative(),
    unconfirmed: z
      .number()
      .int()
      .nonnegative()
      .describe('claimed, but the hand-off to the relay was cut by a crash; never sent again'),
    failed: z.number().int().nonnegative().describe('refused by the relay'),
    excluded: z.record(z.string(), z.number().int().nonnegative()).describe('by reason'),
  })
  .describe('sent + unconfirmed + failed + every exclusion = audience');

export const CampaignSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int().positive(),
    name: z.string(),
    channel: z.enum(['email']),
    segmentId: z.string().min(1),
    sourceCode: z.string().optional(),
    state: z.enum(['draft', 'sending', 'sent']),
    counts: SendCountsSchema.optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
    sendStartedAt: isoTime.optional(),
    sendFinishedAt: isoTime.optional(),
  })
  .describe('State of a campaign after the change, without its templates');

export const CampaignCreatedDataSchema = z.object({ campaign: CampaignSnapshotSchema, actorId });

export const CampaignSentDataSchema = z.object({
  campaign: CampaignSnapshotSchema.describe('state sent, with the final counts'),
});

export const MessageRequestedDataSchema = z
  .object({
    messageId: z.string().min(1),
    tenantId: z.string().min(1),
    campaignId: z.string().min(1),
    contactId: z.string().min(1),
    channel: z.enum(['email']),
    to: z.string().min(1).describe('the recipient address (personal data)'),
    from: z.string().min(1),
    subject: z.string().describe('rendered for this recipient (personal data)'),
    body: z.string().describe('rendered for this recipient, plain text (personal data)'),
    sourceCode: z.string().optional(),
    requestedAt: isoTime,
  })
  .describe(
    'One message of a campaign to one contact, claimed at most once per (campaign, contact). ' +
      'Carries personal data: consumers keep it no longer than they need and drop it when ' +
      'kith.contact.erased.v1 names the contact.',
  );

export type SegmentSnapshot = z.infer<typeof SegmentSnapshotSchema>;
export type CampaignSnapshot = z.infer<typeof CampaignSnapshotSchema>;
export type SendCountsData = z.infer<typeof SendCountsSchema>;
export type MessageRequestedData = z.infer<typeof MessageRequestedDataSchema>;
