// Request and response schemas of GET /v1/contacts/{id}/timeline: the query (kinds, type, time
// range, page) and the entries, each an interaction, a gift the contact gave, a gift credited to
// them, or a refund of their gift. Money as in /v1/donations: integers of minor units, amounts
// inside a gift in the gift's currency. The vocabularies come from @kith/contracts, shared with
// the services.
import {
  DONATION_STATUSES,
  PAYMENT_METHODS,
  SOFT_CREDIT_TYPES,
  TIMELINE_ENTRY_KINDS,
  TRIMMED_SPACE,
} from '@kith/contracts';
import { pageSchema } from '../../http/schemas/paging.schema';
import { z } from '../../http/schemas/zod';
import { InteractionSchema, listing } from './interaction.schema';

export type TimelineKind = (typeof TIMELINE_ENTRY_KINDS)[number];

/** The kinds that are money: they need donation:read as well. */
export const MONEY_KINDS: readonly TimelineKind[] = ['gift', 'soft_credit', 'refund'];

const isKind = (value: string): value is TimelineKind =>
  (TIMELINE_ENTRY_KINDS as readonly string[]).includes(value);

const kindsOf = (value: string): string[] => [
  ...new Set(
    value
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
  ),
];

/**
 * kindsOf's grammar for the document: entries trimmed as JavaScript trims, empty ones dropped,
 * at least one kind (what the refinement below refuses, the pattern leaves out).
 */
const KIND_LIST_PATTERN = (() => {
  const space = `[${TRIMMED_SPACE}]*`;
  const kind = `${space}(?:${TIMELINE_ENTRY_KINDS.join('|')})${space}`;
  return `^(?:${space},)*${kind}(?:,(?:${kind}|${space}))*$`;
})();

/** `kind=gift,refund`: one or more kinds, comma-separated, in the vocabulary's order. */
const KindListSchema = z
  .string()
  .superRefine((value, ctx) => {
    const kinds = kindsOf(value);
    if (kinds.length === 0 || !kinds.every(isKind)) {
      ctx.addIssue({
        code: 'custom',
        message: `One or more of ${TIMELINE_ENTRY_KINDS.join(', ')}, comma-separated.`,
      });
    }
  })
  .transform((value) => TIMELINE_ENTRY_KINDS.filter((k) => kindsOf(value).includes(k)))
  .openapi({
    type: 'string',
    pattern: KIND_LIST_PATTERN,
    example: 'gift,refund',
    description:
      'Only entries of these kinds, comma-separated: interaction (any type; `type` narrows ' +
      'it), gift (a gift the contact gave), soft_credit (a gift credited to them), refund (a ' +
      'refund of their gift), campaign_message (a campaign message sent to them). Default: ' +
      'every kind the caller may read (the money kinds need ' +
      'donation:read; asking for them without it is 403).',
  });

export const TimelineQuerySchema = z
  .strictObject({
    ...listing,
    type: listing.type.openapi({
      description:
        'Only interactions of this type (and so no gifts): 400 with a kind filter that leaves out interaction.',
    }),
    kind: KindListSchema.optional(),
  })
  .refine((q) => !q.type || !q.kind || q.kind.includes('interaction'), {
    path: ['type'],
    message: 'Filters interactions, which kind leaves out.',
  });

const MoneyOutSchema = z.object({ amountMinor: z.number().int(), currency: z.string() });

export const TimelineGiftSchema = z
  .object({
    donationId: z.string().openapi({ description: 'GET /v1/donations/{id} reads the gift.' }),
    donorId: z.string().nullable().openapi({ description: 'null once the donor was erased.' }),
    donorKind: z.enum(['person', 'organization']),
    amount: MoneyOutSchema,
    refunded: MoneyOutSchema.openapi({ description: 'Sum of its refunds.' }),
    net: MoneyOutSchema.openapi({ description: 'amount minus refunded.' }),
    status: z.enum(DONATION_STATUSES),
    paymentMethod: z.enum(PAYMENT_METHODS),
    fund: z.string().nullable(),
    campaignId: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    anonymous: z.boolean(),
  })
  .openapi('TimelineGift', {
    description: 'A gift as the timeline shows it, as it is now (net of every refund).',
  });

export const TimelineEntrySchema = z
  .object({
    kind: z.enum(TIMELINE_ENTRY_KINDS),
    occurredAt: z.iso.datetime().openapi({
      description:
        "When it happened: an interaction's occurredAt, a gift's receivedAt, a refund's refundedAt, a campaign message's requestedAt.",
    }),
    interaction: InteractionSchema.nullable().openapi({ description: 'For kind interaction.' }),
    gift: TimelineGiftSchema.nullable().openapi({
      description: 'For kinds gift, soft_credit and refund.',
    }),
    softCredit: z
      .object({
        type: z.enum(SOFT_CREDIT_TYPES),
        amountMinor: z
          .number()
          .int()
          .openapi({ description: "As credited, in the gift's currency." }),
        netMinor: z
          .number()
          .int()
          .openapi({ description: 'At most what is left of the gift after its refunds.' }),
        automatic: z.boolean().openapi({ description: 'Added for a living household member.' }),
      })
      .nullable()
      .openapi({ description: "For kind soft_credit: the contact's credit." }),
    refund: z
      .object({
        id: z.string(),
        amountMinor: z.number().int().openapi({ description: "In the gift's currency." }),
        refundedAt: z.iso.datetime(),
      })
      .nullable()
      .openapi({ description: 'For kind refund.' }),
    campaignMessage: z
      .object({
        messageId: z.string(),
        campaignId: z
          .string()
          .openapi({ description: 'GET /v1/campaigns/{id} reads the campaign.' }),
        channel: z.enum(['email']),
        subject: z.string().openapi({ description: 'As rendered for the contact.' }),
        sourceCode: z.string().nullable(),
        requestedAt: z.iso.datetime(),
      })
      .nullable()
      .openapi({ description: 'For kind campaign_message.' }),
  })
  .openapi('TimelineEntry');

export const TimelinePageSchema = pageSchema(TimelineEntrySchema, 'TimelinePage');
