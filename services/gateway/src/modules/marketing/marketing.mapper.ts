// The REST shapes of segments and campaigns and the pure mappings from the marketing service's
// messages. int64 fields travel as decimal strings (proto-loader's `longs: String`) and are
// counts far inside 2^53: Number() reads them exactly. An empty proto string is null in JSON.
import type { marketingV1 } from '@kith/contracts';
import type { z } from 'zod';
import type {
  AttributionSchema,
  CampaignSchema,
  SegmentCountSchema,
  SegmentMemberSchema,
  SegmentSchema,
  SendCountsSchema,
} from './marketing.schema';

const orNull = (value: string | undefined | null): string | null =>
  value === undefined || value === null || value === '' ? null : value;
const count = (value: string | undefined): number => (value ? Number(value) : 0);

export function toSegmentResource(s: marketingV1.Segment__Output): z.output<typeof SegmentSchema> {
  return {
    id: s.id,
    version: count(s.version),
    name: s.name,
    description: orNull(s.description),
    definition: JSON.parse(s.definitionJson) as z.output<typeof SegmentSchema>['definition'],
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    deletedAt: orNull(s.deletedAt),
  };
}

export function toCountResource(
  c: marketingV1.CountSegmentResponse__Output,
): z.output<typeof SegmentCountSchema> {
  return { count: count(c.count), scanned: count(c.scanned) };
}

export function toMemberResource(
  m: marketingV1.SegmentMember__Output,
): z.output<typeof SegmentMemberSchema> {
  return { contactId: m.contactId, displayName: orNull(m.displayName), email: orNull(m.email) };
}

function toCounts(c: marketingV1.SendCounts__Output | null): z.output<typeof SendCountsSchema> {
  return {
    audience: count(c?.audience),
    sent: count(c?.sent),
    unconfirmed: count(c?.unconfirmed),
    failed: count(c?.failed),
    excluded: Object.fromEntries(Object.entries(c?.excluded ?? {}).map(([k, v]) => [k, count(v)])),
  };
}

export function toCampaignResource(
  c: marketingV1.Campaign__Output,
): z.output<typeof CampaignSchema> {
  return {
    id: c.id,
    version: count(c.version),
    name: c.name,
    channel: 'email',
    segmentId: c.segmentId,
    subjectTemplate: c.subjectTemplate,
    bodyTemplate: c.bodyTemplate,
    sourceCode: orNull(c.sourceCode),
    fromAddress: c.fromAddress,
    state: c.state as z.output<typeof CampaignSchema>['state'],
    counts: toCounts(c.counts),
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    sendStartedAt: orNull(c.sendStartedAt),
    sendFinishedAt: orNull(c.sendFinishedAt),
  };
}

export function toAttributionResource(
  a: marketingV1.CampaignAttribution__Output,
): z.output<typeof AttributionSchema> {
  return {
    campaignId: a.campaignId,
    messagesSent: count(a.messagesSent),
    responses: count(a.responses),
    responseRate: a.responseRate,
    gifts: count(a.gifts),
    raised: a.raised.map((m) => ({ amountMinor: count(m.amountMinor), currency: m.currency })),
  };
}
