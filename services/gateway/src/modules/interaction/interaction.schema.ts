// Request and response schemas of /v1/interactions (the timeline's are timeline.schema.ts). Lengths and
// counts come from @kith/contracts INTERACTION_FIELD_LIMITS, shared with the interaction
// service's own rules, so the gateway refuses early what the service would refuse, and nothing
// it accepts.
import { INTERACTION_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import { INTERACTION_DIRECTION_VALUES, INTERACTION_TYPE_VALUES } from '@kith/events';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../http/schemas/paging.schema';
import { freeText } from '../../http/schemas/text.schema';
import { z } from '../../http/schemas/zod';

const ContactIdSchema = z
  .string()
  .regex(new RegExp(`^[A-Za-z0-9_-]{1,${LIMITS.id}}$`), 'Not a valid id.')
  .openapi({ example: '01934f6a-7c1e-7d2a-9f00-3c5e8a1b2c3d' });
const ForeignIdSchema = z
  .string()
  .regex(
    new RegExp(`^[\\x21-\\x7e]{1,${LIMITS.id}}$`),
    `Printable ASCII without spaces, at most ${LIMITS.id}.`,
  )
  .openapi({ description: "Opaque id of another service's record." });
// The interaction service takes times written in LIMITS.firstYear..lastYear. A `pattern` for
// the years beside `format: date-time` would leave generators little to draw from (a client's
// or a fuzzer's), so the description says it.
export const TimeSchema = z.iso
  .datetime({ offset: true, message: 'An ISO-8601 time with an offset.' })
  .openapi({
    example: '2026-12-01T10:00:00Z',
    description: `Written in the years ${LIMITS.firstYear} to ${LIMITS.lastYear}.`,
  });

export const InteractionTypeSchema = z.enum(INTERACTION_TYPE_VALUES).openapi('InteractionType');
export const InteractionDirectionSchema = z
  .enum(INTERACTION_DIRECTION_VALUES)
  .openapi('InteractionDirection', {
    description: 'inbound: from the contact; outbound: to them; internal: neither (a note).',
  });

const subject = freeText(LIMITS.subject);
// A body keeps its line breaks and spacing; only control characters are refused.
const body = freeText(LIMITS.body, { trim: false });
const duration = z.number().int().min(0).max(LIMITS.durationMinutes);
const participants = z
  .array(ContactIdSchema)
  .min(1)
  .max(LIMITS.participants)
  .openapi({ description: `1..${LIMITS.participants} contact ids (persons or organizations).` });

export const CreateInteractionBodySchema = z
  .strictObject({
    type: InteractionTypeSchema,
    direction: InteractionDirectionSchema.optional().openapi({
      description: 'Default: internal for note, meeting and in_person; outbound otherwise.',
    }),
    occurredAt: TimeSchema,
    durationMinutes: duration.optional(),
    subject: subject.optional(),
    body: body.optional(),
    participantContactIds: participants,
    organizationId: ContactIdSchema.optional().openapi({
      description: 'An organization contact it was on behalf of.',
    }),
    campaignId: ForeignIdSchema.optional(),
    opportunityId: ForeignIdSchema.optional(),
  })
  .openapi('CreateInteractionBody');

export const PatchInteractionBodySchema = mergePatchBody(
  z.strictObject({
    type: InteractionTypeSchema.optional(),
    direction: InteractionDirectionSchema.optional(),
    occurredAt: TimeSchema.optional(),
    durationMinutes: duration.nullable().optional(),
    subject: subject.nullable().optional(),
    body: body.nullable().optional(),
    participantContactIds: participants.optional(),
    organizationId: ContactIdSchema.nullable().optional(),
    campaignId: ForeignIdSchema.nullable().optional(),
    opportunityId: ForeignIdSchema.nullable().optional(),
  }),
  'PatchInteractionBody',
);

/** The interaction service's names of the listings' query parameters, where they differ. */
export const LISTING_FIELD_NAMES = { occurredFrom: 'from', occurredTo: 'to', kinds: 'kind' };

/** The page and filters both listings take. */
export const listing = {
  limit: pageSizeQuery({ noun: 'Page size' }),
  cursor: cursorQuery('nextCursor from the previous page. Repeat the same filters with it.'),
  type: InteractionTypeSchema.optional().openapi({ description: 'Only this type.' }),
  from: TimeSchema.optional().openapi({ description: 'Only what happened at or after.' }),
  to: TimeSchema.optional().openapi({ description: 'Only what happened before.' }),
};

// A `to` not after `from` is a range holding no instant: its page is empty (the service's
// matchesNothing), not a refusal.
export const InteractionListQuerySchema = z.strictObject({
  ...listing,
  contactId: ContactIdSchema.optional().openapi({ description: 'Only those it took part in.' }),
});

const MailAddressSchema = z
  .object({
    address: z.string(),
    name: z.string().nullable(),
    contactId: z.string().nullable().openapi({ description: 'The known contact it matched.' }),
  })
  .openapi('MailAddress');

export const InteractionSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    type: InteractionTypeSchema,
    direction: InteractionDirectionSchema,
    occurredAt: z.iso.datetime(),
    durationMinutes: z.number().int().nullable(),
    subject: z.string().nullable(),
    body: z.string().nullable(),
    bodyTruncated: z.boolean().openapi({ description: 'The body was cut to the size limit.' }),
    participantContactIds: z.array(z.string()).openapi({
      description: 'Empty only once every participant was erased.',
    }),
    loggedBy: z.string().openapi({ description: 'The user who logged it.' }),
    organizationId: z.string().nullable(),
    campaignId: z.string().nullable(),
    opportunityId: z.string().nullable(),
    source: z.enum(['manual', 'mail']),
    mail: z
      .object({
        messageId: z.string().nullable(),
        from: z.array(MailAddressSchema),
        to: z.array(MailAddressSchema),
        cc: z.array(MailAddressSchema),
      })
      .nullable()
      .openapi({ description: 'For an ingested email: its Message-ID and addresses.' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .openapi('Interaction');

export const InteractionPageSchema = pageSchema(InteractionSchema, 'InteractionPage');

export const IngestedMailSchema = z
  .object({
    interaction: InteractionSchema,
    created: z.boolean().openapi({ description: 'false: the message was ingested before.' }),
    unmatchedAddresses: z.array(z.string()).openapi({
      description: 'Addresses of From/To/Cc that belong to no known contact.',
    }),
  })
  .openapi('IngestedMail');
