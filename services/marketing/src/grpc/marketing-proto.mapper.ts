// proto ⇄ domain for segments and campaigns: optional fields empty in proto, the definition as
// JSON text, counts with every exclusion reason by name.
import type { marketingV1 } from '@kith/contracts';
import type { Attribution } from '../domain/attribution';
import type { Campaign, SendCounts } from '../domain/campaign';
import type { MarketingProfile } from '../domain/marketing-profile';
import type { Segment } from '../domain/segment';

export function segmentToProto(s: Segment): marketingV1.Segment {
  return {
    id: s.id,
    tenantId: s.tenantId,
    version: String(s.version),
    name: s.name,
    description: s.description ?? '',
    definitionJson: JSON.stringify(s.definition),
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    deletedAt: s.deletedAt ?? '',
  };
}

export function countsToProto(c: SendCounts | undefined): marketingV1.SendCounts {
  const counts = c ?? { audience: 0, sent: 0, unconfirmed: 0, failed: 0, excluded: {} };
  return {
    audience: String(counts.audience),
    sent: String(counts.sent),
    unconfirmed: String(counts.unconfirmed),
    failed: String(counts.failed),
    excluded: Object.fromEntries(
      Object.entries(counts.excluded).map(([k, v]) => [k, String(v ?? 0)]),
    ),
  };
}

export function campaignToProto(c: Campaign): marketingV1.Campaign {
  return {
    id: c.id,
    tenantId: c.tenantId,
    version: String(c.version),
    name: c.name,
    channel: c.channel,
    segmentId: c.segmentId,
    subjectTemplate: c.subjectTemplate,
    bodyTemplate: c.bodyTemplate,
    sourceCode: c.sourceCode ?? '',
    fromAddress: c.fromAddress,
    state: c.state,
    counts: countsToProto(c.counts),
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    sendStartedAt: c.sendStartedAt ?? '',
    sendFinishedAt: c.sendFinishedAt ?? '',
  };
}

export function memberToProto(p: MarketingProfile): marketingV1.SegmentMember {
  return { contactId: p.id, displayName: p.displayName ?? '', email: p.email ?? '' };
}

export function attributionToProto(a: Attribution): marketingV1.CampaignAttribution {
  return {
    campaignId: a.campaignId,
    messagesSent: String(a.messagesSent),
    responses: String(a.responses),
    responseRate: a.responseRate,
    gifts: String(a.gifts),
    raised: a.raised.map((m) => ({ amountMinor: String(m.amountMinor), currency: m.currency })),
  };
}
