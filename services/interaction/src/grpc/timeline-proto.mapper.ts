// Timeline entries as kith.interaction.v1.TimelineEntry: the kind, the time it is listed at,
// and the interaction, or the gift (as the projection holds it, net of refunds) with the
// contact's soft credit or the refund. Amounts are int64 decimal strings, as Money is.
import type { interactionV1 } from '@kith/contracts';
import type { TimelineEntry } from '../domain/timeline';
import { giftNetMinor, type TimelineGift } from '../domain/timeline-gift';
import { interactionToProto } from './interaction-proto.mapper';

function giftToProto(gift: TimelineGift): interactionV1.TimelineGift {
  return {
    donationId: gift.id,
    version: String(gift.version),
    donorId: gift.donorId ?? '',
    donorKind: gift.donorKind,
    amount: { amountMinor: String(gift.amount.amountMinor), currency: gift.amount.currency },
    refundedMinor: String(gift.refundedMinor),
    netMinor: String(giftNetMinor(gift)),
    status: gift.status,
    paymentMethod: gift.paymentMethod,
    fund: gift.fund ?? '',
    campaignId: gift.campaignId ?? '',
    receivedAt: gift.receivedAt,
    anonymous: gift.anonymous,
  };
}

export function timelineEntryToProto(entry: TimelineEntry): interactionV1.TimelineEntry {
  const base = { kind: entry.kind, occurredAt: entry.occurredAt };
  switch (entry.kind) {
    case 'interaction':
      return { ...base, interaction: interactionToProto(entry.interaction) };
    case 'gift':
      return { ...base, gift: giftToProto(entry.gift) };
    case 'soft_credit':
      return {
        ...base,
        gift: giftToProto(entry.gift),
        softCredit: {
          type: entry.softCredit.type,
          amountMinor: String(entry.softCredit.amountMinor),
          netMinor: String(entry.softCredit.netMinor),
          automatic: entry.softCredit.automatic,
        },
      };
    case 'refund':
      return {
        ...base,
        gift: giftToProto(entry.gift),
        refund: {
          refundId: entry.refund.id,
          amountMinor: String(entry.refund.amountMinor),
          refundedAt: entry.refund.refundedAt,
        },
      };
    case 'campaign_message':
      return {
        ...base,
        campaignMessage: {
          messageId: entry.message.id,
          campaignId: entry.message.campaignId,
          channel: entry.message.channel,
          subject: entry.message.subject,
          sourceCode: entry.message.sourceCode ?? '',
          requestedAt: entry.message.requestedAt,
        },
      };
  }
}
