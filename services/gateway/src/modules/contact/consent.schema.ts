// Consent records per channel and the reachability derived from them. Channels, statuses and
// lengths come from @kith/contracts, shared with the contact service's own rules.
import {
  CONSENT_CHANNELS as CHANNELS,
  CONSENT_FIELD_LIMITS as LIMITS,
  CONSENT_STATUSES,
} from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { shortText } from '../../http/schemas/text.schema';

export { CHANNELS };
export type Channel = (typeof CHANNELS)[number];
const channelEnum = z.enum(CHANNELS);
const consentStatusEnum = z.enum(CONSENT_STATUSES);

export const ConsentRecordSchema = z
  .object({
    id: z.string().nullable().openapi({
      description:
        'Unique per record; null on records stored before ids existed. A retry with the same Idempotency-Key answers the same id.',
    }),
    channel: channelEnum,
    status: consentStatusEnum,
    source: z.string(),
    capturedAt: z.iso.datetime(),
    statement: z.string().nullable(),
    campaignId: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string().nullable(),
  })
  .openapi('ConsentRecord');

export const ChannelReachabilitySchema = z
  .object({
    status: consentStatusEnum,
    suppressed: z.boolean(),
    reasons: z.array(
      z.enum(['deleted', 'deceased', 'do-not-contact', 'opted-out', 'no-valid-address']),
    ),
  })
  .openapi('ChannelReachability');

export const CommunicationSchema = z
  .object({
    email: ConsentRecordSchema.nullable(),
    sms: ConsentRecordSchema.nullable(),
    phone: ConsentRecordSchema.nullable(),
    mail: ConsentRecordSchema.nullable(),
  })
  .openapi('Communication', { description: 'Current consent per channel; null = unknown.' });

export const ReachabilitySchema = z
  .object({
    email: ChannelReachabilitySchema,
    sms: ChannelReachabilitySchema,
    phone: ChannelReachabilitySchema,
    mail: ChannelReachabilitySchema,
  })
  .openapi('Reachability', {
    description:
      'Per channel: consent status and whether Kith suppresses it (do not contact, deceased, opted out, no valid address).',
  });

export const RecordConsentBodySchema = z
  .strictObject({
    channel: channelEnum,
    status: consentStatusEnum,
    source: shortText(LIMITS.source).openapi({ example: 'web-form' }),
    capturedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'When the person gave or withdrew it; defaults to now.' }),
    statement: shortText(LIMITS.statement)
      .optional()
      .openapi({ description: 'The wording the person agreed to.' }),
    campaignId: shortText(LIMITS.campaignId).optional(),
  })
  .openapi('RecordConsentRequest');

export const ConsentStateSchema = z
  .object({
    communication: CommunicationSchema,
    reachability: ReachabilitySchema,
    history: z.array(ConsentRecordSchema).openapi({ description: 'Every record, oldest first.' }),
  })
  .openapi('ConsentState');

export const RecordConsentResponseSchema = z
  .object({
    consent: ConsentRecordSchema,
    version: z.number().int().openapi({ description: 'The record version after the change.' }),
    communication: CommunicationSchema,
    reachability: ReachabilitySchema,
  })
  .openapi('RecordConsentResponse');
