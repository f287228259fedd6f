// Data of the GDPR erasure event. It says only which contact was erased, when and by whom:
// an erasure event that carried the erased values would spread them to every consumer and
// keep them in Kafka, the opposite of what it announces.
import { z } from 'zod';

const isoTime = z.string().datetime({ offset: true });

export const ContactErasedDataSchema = z
  .object({
    contactId: z
      .string()
      .min(1)
      .describe('the erased contact (the id stays; nothing else identifies)'),
    tenantId: z.string().min(1),
    version: z
      .number()
      .int()
      .positive()
      .describe('the contact version the erasure produced (orders it after earlier changes)'),
    erasedAt: isoTime.describe('when the contact service anonymised the record'),
    actorId: z.string().optional().describe('the user (JWT sub) who asked for the erasure'),
  })
  .describe(
    'Erasure request fulfilled by the contact service. Every consumer removes or anonymises ' +
      'the personal data it holds about contactId, idempotently; aggregates keep amounts and lose identity.',
  );

export type ContactErasedData = z.infer<typeof ContactErasedDataSchema>;
