// Request and response schemas of /v1/donations and /v1/contacts/{id}/giving. Lengths, counts
// and money rules come from @kith/contracts (DONATION_FIELD_LIMITS, MONEY_LIMITS,
// isCurrencyCode), shared with the transaction service's own rules, so the gateway refuses
// early what the service would refuse, and nothing it accepts. Money in JSON is
// `{ "amountMinor": 15000, "currency": "USD" }`: an integer count of the currency's minor unit
// (cents for USD, yen for JPY), never a decimal; amounts inside a gift (soft credits, refunds)
// are integers in the gift's currency.
import {
  CURRENCY_CODE_LIST,
  CURRENCY_CODE_MESSAGE,
  DONATION_FIELD_LIMITS,
  DONATION_STATUSES,
  MONEY_LIMITS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  SOFT_CREDIT_TYPES,
  TRIBUTE_TYPES,
  isCurrencyCode,
} from '@kith/contracts';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../http/schemas/paging.schema';
import { requiresOneOf } from '../../http/schemas/cross-field.schema';
import { shortText } from '../../http/schemas/text.schema';
import { z } from '../../http/schemas/zod';

const L = DONATION_FIELD_LIMITS;

const contactId = z.uuid({ message: 'Not a contact id (a UUID).' });
const timestamp = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-30T09:00:00Z' });

/** An amount in minor units: a whole number, positive, at most MONEY_LIMITS.maxAmountMinor. */
export const amountMinor = z
  .number()
  .int('A whole number of minor units (cents for USD), not a decimal.')
  .min(1)
  .max(MONEY_LIMITS.maxAmountMinor)
  .openapi({ example: 15000 });

export const MoneySchema = z
  .strictObject({
    amountMinor,
    currency: z
      .string()
      .refine(isCurrencyCode, { message: CURRENCY_CODE_MESSAGE })
      .openapi({
        example: 'USD',
        description: 'ISO 4217, upper case.',
        enum: [...CURRENCY_CODE_LIST],
      }),
  })
  .openapi('Money', {
    description:
      "An integer count of the currency's minor unit (15000 USD = $150.00) and its ISO 4217 " +
      'code; never summed across currencies.',
  });

const SoftCreditInputSchema = z
  .strictObject({
    contactId,
    type: z.enum(SOFT_CREDIT_TYPES),
    amountMinor: amountMinor.openapi({
      description: "In the gift's currency; at most its amount.",
    }),
  })
  .openapi('SoftCreditInput');

const TributeInputSchema = requiresOneOf(
  z.strictObject({
    type: z.enum(TRIBUTE_TYPES),
    honoreeName: shortText(L.honoreeName).optional(),
    honoreeContactId: contactId.optional(),
  }),
  ['honoreeName', 'honoreeContactId'],
  'Name the honoree (honoreeName or honoreeContactId).',
).openapi('TributeInput');

const details = {
  paymentStatus: z.enum(PAYMENT_STATUSES).openapi({
    description:
      "The payment's state; default completed. A completed gift is refunded, not failed.",
  }),
  fund: shortText(L.fund),
  campaignId: shortText(L.campaignId),
  sourceCode: shortText(L.sourceCode),
  externalReference: shortText(L.externalReference).openapi({
    description: "The payment processor's reference.",
  }),
  anonymous: z.boolean().openapi({
    description: 'The donor asked not to be named in public acknowledgements.',
  }),
  softCredits: z
    .array(SoftCreditInputSchema)
    .max(L.softCredits)
    .openapi({
      description:
        "Explicit soft credits. Living members of a person donor's household get a " +
        'household_member credit of the full amount automatically unless credited here.',
    }),
};

export const CreateDonationBodySchema = z
  .strictObject({
    donorId: contactId.openapi({ description: 'A person or organization of your tenant.' }),
    amount: MoneySchema,
    receivedAt: timestamp,
    paymentMethod: z.enum(PAYMENT_METHODS),
    paymentStatus: details.paymentStatus.optional(),
    fund: details.fund.optional(),
    campaignId: details.campaignId.optional(),
    sourceCode: details.sourceCode.optional(),
    externalReference: details.externalReference.optional(),
    anonymous: details.anonymous.optional(),
    tribute: TributeInputSchema.optional(),
    softCredits: details.softCredits.optional(),
  })
  .openapi('CreateDonationBody');

export const PatchDonationBodySchema = mergePatchBody(
  z.strictObject({
    receivedAt: timestamp.optional(),
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    paymentStatus: details.paymentStatus.optional(),
    fund: details.fund.nullable().optional(),
    campaignId: details.campaignId.nullable().optional(),
    sourceCode: details.sourceCode.nullable().optional(),
    externalReference: details.externalReference.nullable().optional(),
    anonymous: details.anonymous.optional(),
    tribute: TributeInputSchema.nullable().optional(),
    softCredits: details.softCredits.optional(),
  }),
  'PatchDonationBody',
);

export const RefundBodySchema = z
  .strictObject({
    amountMinor: amountMinor.openapi({
      description: "In the gift's currency: at most what remains after earlier refunds (422).",
    }),
    reason: shortText(L.refundReason).optional(),
    externalReference: shortText(L.externalReference).optional(),
  })
  .openapi('RefundBody');

export const DonationListQuerySchema = z.strictObject({
  limit: pageSizeQuery({ noun: 'Page size' }),
  cursor: cursorQuery('nextCursor from the previous page (with the same filters).'),
  donorId: contactId.optional().openapi({ description: 'Only gifts this contact gave.' }),
  status: z.enum(DONATION_STATUSES).optional(),
  campaignId: shortText(L.campaignId).optional(),
  receivedFrom: timestamp.optional().openapi({ description: 'receivedAt at or after this.' }),
  receivedTo: timestamp.optional().openapi({ description: 'receivedAt before this.' }),
});

const SoftCreditSchema = z
  .object({
    contactId: z.string(),
    type: z.enum(SOFT_CREDIT_TYPES),
    amountMinor: z.number().int(),
    automatic: z.boolean().openapi({ description: 'Added for a living household member.' }),
  })
  .openapi('SoftCredit');

export const RefundSchema = z
  .object({
    id: z.string(),
    amountMinor: z.number().int().openapi({ description: "In the gift's currency." }),
    refundedAt: z.iso.datetime(),
    reason: z.string().nullable(),
    externalReference: z.string().nullable(),
  })
  .openapi('Refund');

const MoneyOutSchema = z.object({ amountMinor: z.number().int(), currency: z.string() });

export const DonationSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    donorId: z.string().nullable().openapi({
      description: 'null once the donor was erased: the gift and its amount stay.',
    }),
    donorKind: z.enum(['person', 'organization']),
    amount: MoneyOutSchema,
    receivedAt: z.iso.datetime(),
    paymentMethod: z.enum(PAYMENT_METHODS),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    status: z.enum(DONATION_STATUSES).openapi({
      description: 'paymentStatus, or partially_refunded / refunded once refunds were made.',
    }),
    fund: z.string().nullable(),
    campaignId: z.string().nullable(),
    sourceCode: z.string().nullable(),
    externalReference: z.string().nullable(),
    anonymous: z.boolean(),
    tribute: z
      .object({
        type: z.enum(TRIBUTE_TYPES),
        honoreeName: z.string().nullable(),
        honoreeContactId: z.string().nullable(),
      })
      .nullable(),
    softCredits: z.array(SoftCreditSchema),
    refunds: z.array(RefundSchema).openapi({ description: 'In the order they were made.' }),
    refunded: MoneyOutSchema.openapi({ description: 'Sum of refunds.' }),
    net: MoneyOutSchema.openapi({ description: 'amount minus refunded.' }),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Donation');

export const DonationPageSchema = pageSchema(DonationSchema, 'DonationPage');

export const RefundResultSchema = z
  .object({ refund: RefundSchema, donation: DonationSchema })
  .openapi('RefundResult');

export const GivingSchema = z
  .object({
    contactId: z.string(),
    currencies: z
      .array(
        z.object({
          currency: z.string(),
          hardTotalMinor: z.number().int().openapi({ description: 'Gifts paid, net of refunds.' }),
          softTotalMinor: z
            .number()
            .int()
            .openapi({ description: 'Gifts credited to the contact; never in hard totals.' }),
          giftCount: z.number().int(),
          softCreditCount: z.number().int(),
          refundedMinor: z.number().int(),
          firstGiftAt: z.iso.datetime().nullable(),
          lastGiftAt: z.iso.datetime().nullable(),
          largestGiftMinor: z.number().int().openapi({ description: 'Net of refunds.' }),
        }),
      )
      .openapi({ description: 'One entry per currency, by code; never summed across them.' }),
  })
  .openapi('Giving');
