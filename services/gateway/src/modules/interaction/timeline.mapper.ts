// The REST shape of a timeline entry from kith.interaction.v1.TimelineEntry: every key present,
// the parts an entry's kind does not have null. int64 amounts arrive as decimal strings
// (proto-loader's `longs: String`) and are at most 10^12, so Number() reads them exactly.
import type { interactionV1 } from '@kith/contracts';
import type { z } from 'zod';
import { required } from '../../grpc/upstream-client';
import { toInteractionResource } from './interaction.mapper';
import type { TimelineEntrySchema } from './timeline.schema';

type TimelineEntryResource = z.output<typeof TimelineEntrySchema>;
type Gift = NonNullable<TimelineEntryResource['gift']>;
type SoftCredit = NonNullable<TimelineEntryResource['softCredit']>;

const minor = (value: string | undefined): number => (value ? Number(value) : 0);
const orNull = (value: string | undefined): string | null => (value ? value : null);

function toGiftResource(g: interactionV1.TimelineGift__Output): Gift {
  const amount = required(g.amount, 'an amount');
  const currency = amount.currency;
  return {
    donationId: g.donationId,
    donorId: orNull(g.donorId),
    donorKind: g.donorKind as Gift['donorKind'],
    amount: { amountMinor: minor(amount.amountMinor), currency },
    refunded: { amountMinor: minor(g.refundedMinor), currency },
    net: { amountMinor: minor(g.netMinor), currency },
    status: g.status as Gift['status'],
    paymentMethod: g.paymentMethod as Gift['paymentMethod'],
    fund: orNull(g.fund),
    campaignId: orNull(g.campaignId),
    receivedAt: g.receivedAt,
    anonymous: g.anonymous,
  };
}

export function toTimelineEntryResource(
  entry: interactionV1.TimelineEntry__Output,
): TimelineEntryResource {
  return {
    kind: entry.kind as TimelineEntryResource['kind'],
    occurredAt: entry.occurredAt,
    interaction: entry.interaction ? toInteractionResource(entry.interaction) : null,
    gift: entry.gift ? toGiftResource(entry.gift) : null,
    softCredit: entry.softCredit
      ? {
          type: entry.softCredit.type as SoftCredit['type'],
          amountMinor: minor(entry.softCredit.amountMinor),
          netMinor: minor(entry.softCredit.netMinor),
          automatic: entry.softCredit.automatic,
        }
      : null,
    refund: entry.refund
      ? {
          id: entry.refund.refundId,
          amountMinor: minor(entry.refund.amountMinor),
          refundedAt: entry.refund.refundedAt,
        }
      : null,
    campaignMessage: entry.campaignMessage
      ? {
          messageId: entry.campaignMessage.messageId,
          campaignId: entry.campaignMessage.campaignId,
          channel: 'email',
          subject: entry.campaignMessage.subject,
          sourceCode: orNull(entry.campaignMessage.sourceCode),
          requestedAt: entry.campaignMessage.requestedAt,
        }
      : null,
  };
}
