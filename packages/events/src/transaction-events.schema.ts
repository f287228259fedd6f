// Schemas of the kith.donation.*.v1 events (on kith.transaction.v1, keyed by donation id).
// Evolution rule: add optional fields only; anything breaking becomes a new `.v2` type.
// Events carry ids and amounts, not the free text a person could be named in (a tribute's
// honoree name, a refund's reason): Kafka keeps events for its retention, past an erasure.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const MoneySnapshotSchema = z
  .object({
    amountMinor: z.number().int().describe('whole minor units of the currency (cents for USD)'),
    currency: z.string().length(3).describe('ISO 4217, upper case'),
  })
  .describe('Money: never summed across currencies');

export const SoftCreditSnapshotSchema = z.object({
  contactId: z.string().min(1),
  type: z.enum([
    'household_member',
    'solicitor',
    'in_honor_of',
    'in_memory_of',
    'matched_donor',
    'workplace_giving',
  ]),
  amountMinor: z.number().int().positive().describe("in the gift's currency"),
  automatic: z.boolean().describe('added by the service for a living household member'),
});

export const RefundSnapshotSchema = z.object({
  id: z.string().min(1),
  amountMinor: z.number().int().positive().describe("in the gift's currency"),
  refundedAt: isoTime,
});

export const DonationSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int().positive(),
    donorId: z
      .string()
      .optional()
      .describe('absent once the donor was erased: the amount stays, the identity goes'),
    donorKind: z.enum(['person', 'organization']),
    amount: MoneySnapshotSchema,
    receivedAt: isoTime,
    paymentMethod: z.string(),
    status: z.enum(['pending', 'completed', 'failed', 'partially_refunded', 'refunded']),
    refundedMinor: z
      .number()
      .int()
      .nonnegative()
      .describe("sum of refunds, in the gift's currency"),
    fund: z.string().optional(),
    campaignId: z.string().optional(),
    sourceCode: z.string().optional(),
    anonymous: z.boolean().describe('the donor asked not to be named in public acknowledgements'),
    tribute: z
      .object({
        type: z.enum(['in_honor_of', 'in_memory_of']),
        honoreeContactId: z.string().optional(),
      })
      .optional()
      .describe("the honoree's name is not carried (personal data)"),
    softCredits: z.array(SoftCreditSnapshotSchema),
    refunds: z.array(RefundSnapshotSchema),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .describe('State of a donation after the change (event-carried state transfer)');

export const DonationCreatedDataSchema = z.object({ donation: DonationSnapshotSchema });

export const DonationUpdatedDataSchema = z.object({
  donation: DonationSnapshotSchema,
  changedFields: z.array(z.string()).describe('top-level snapshot fields that changed'),
});

export const DonationRefundedDataSchema = z.object({
  donation: DonationSnapshotSchema,
  refund: RefundSnapshotSchema.describe('the refund this event records'),
});

export type MoneySnapshot = z.infer<typeof MoneySnapshotSchema>;
export type DonationSnapshot = z.infer<typeof DonationSnapshotSchema>;
export type DonationCreatedData = z.infer<typeof DonationCreatedDataSchema>;
export type DonationUpdatedData = z.infer<typeof DonationUpdatedDataSchema>;
export type DonationRefundedData = z.infer<typeof DonationRefundedDataSchema>;
