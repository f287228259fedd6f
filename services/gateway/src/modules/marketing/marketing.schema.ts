// Request and response schemas of /v1/segments and /v1/campaigns. A segment's definition is
// validated by the segment language's own schema (@kith/contracts, shared with the marketing
// service) and published as the `SegmentDefinition` component: its JSON Schema, generated
// from that schema, with its self-references pointed at the component.
import {
  EMAIL_ADDRESS_DOCUMENT_PATTERN,
  EMAIL_ADDRESS_PATTERN,
  MERGE_FIELDS,
  SEGMENT_LIMITS,
  TEMPLATE_PATTERN,
  segmentDefinitionJsonSchema,
  validateSegmentDefinition,
  type SegmentCondition,
} from '@kith/contracts';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../http/schemas/paging.schema';
import { shortText, wellFormedText } from '../../http/schemas/text.schema';
import { z } from '../../http/schemas/zod';

const COMPONENT = 'SegmentDefinition';

function definitionDocument(): Record<string, unknown> {
  const { $schema: _draft, ...schema } = segmentDefinitionJsonSchema();
  const text = JSON.stringify(schema).replaceAll(
    '"$ref":"#"',
    `"$ref":"#/components/schemas/${COMPONENT}"`,
  );
  return JSON.parse(text) as Record<string, unknown>;
}

/** `and[1].currency` → ['and', 1, 'currency'], under `definition`. */
function issuePath(field: string): Array<string | number> {
  const rest = field.replace(/^definition\.?/, '');
  return [...rest.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''),
  );
}

export const SegmentDefinitionSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const result = validateSegmentDefinition(value);
    if (result.ok) return;
    for (const e of result.errors)
      ctx.addIssue({ code: 'custom', path: issuePath(e.field), message: e.message });
  })
  .transform((value) => value as SegmentCondition)
  .openapi(COMPONENT, {
    ...definitionDocument(),
    description:
      'A condition of the segment language (docs/segments.md): and / or / not over field, ' +
      `tag, customField, reachable, consent, giving and activity conditions; at most ${SEGMENT_LIMITS.maxConditions} ` +
      `conditions, nested at most ${SEGMENT_LIMITS.maxDepth} deep.`,
    example: {
      and: [
        { tag: 'donor' },
        { reachable: 'email' },
        { giving: 'total', currency: 'USD', within: { months: 12 }, gte: 10000 },
      ],
    },
  });

const name = shortText(200);
const description = shortText(2000);

export const CreateSegmentBodySchema = z
  .strictObject({ name, description: description.optional(), definition: SegmentDefinitionSchema })
  .openapi('CreateSegmentBody');

export const PatchSegmentBodySchema = z
  .strictObject({
    name: name.optional(),
    description: description.optional(),
    definition: SegmentDefinitionSchema.optional(),
  })
  .openapi('PatchSegmentBody');

export const PreviewSegmentBodySchema = z
  .strictObject({ definition: SegmentDefinitionSchema })
  .openapi('PreviewSegmentBody');

const time = z.string().openapi({ example: '2026-12-01T10:00:00.000Z' });

export const SegmentSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    definition: SegmentDefinitionSchema,
    createdBy: z.string(),
    createdAt: time,
    updatedAt: time,
    deletedAt: time.nullable(),
  })
  .openapi('Segment');

export const SegmentCountSchema = z
  .object({
    count: z.number().int().openapi({ description: 'Live contacts the definition matches now.' }),
    scanned: z.number().int().openapi({ description: 'Profiles looked at to answer.' }),
  })
  .openapi('SegmentCount');

export const SegmentMemberSchema = z
  .object({
    contactId: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
  })
  .openapi('SegmentMember');

export const ListQuerySchema = z.strictObject({
  limit: pageSizeQuery({ noun: 'Page size' }),
  cursor: cursorQuery('The nextCursor of the previous page.'),
});

export const SegmentPageSchema = pageSchema(SegmentSchema, 'SegmentPage');
export const SegmentMemberPageSchema = pageSchema(SegmentMemberSchema, 'SegmentMemberPage');

// The template grammar (@kith/contracts merge-fields.ts), the renderer's own.
const template = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(
      new RegExp(TEMPLATE_PATTERN, 'u'),
      'Not a template: text and {{field|default}} merge fields.',
    )
    .openapi({ pattern: TEMPLATE_PATTERN });

export const CreateCampaignBodySchema = z
  .strictObject({
    name,
    segmentId: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: 'The audience: a live segment of your tenant.' }),
    subjectTemplate: template(200).openapi({
      description: `Merge fields {{field|default}}: ${MERGE_FIELDS.join(', ')}, custom.<key>; no other braces.`,
      example: 'News for {{firstName|friend}}',
    }),
    bodyTemplate: template(100_000).openapi({
      description: 'Plain text, with the same merge fields.',
    }),
    sourceCode: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional()
      .openapi({ description: 'Gifts carrying this source code are attributed to the campaign.' }),
    // As a contact's email address is taken (contact-point.schema.ts): trimmed, loose.
    fromAddress: z
      .string()
      .max(254)
      .trim()
      .regex(EMAIL_ADDRESS_PATTERN, 'Not a valid email address.')
      .superRefine(wellFormedText)
      .optional()
      .openapi({ pattern: EMAIL_ADDRESS_DOCUMENT_PATTERN, example: 'news@example.org' }),
  })
  .openapi('CreateCampaignBody');

export const SendCountsSchema = z
  .object({
    audience: z.number().int(),
    sent: z.number().int(),
    unconfirmed: z.number().int().openapi({
      description: 'Claimed, but the hand-off to the relay was cut by a crash: never sent again.',
    }),
    failed: z.number().int(),
    excluded: z.record(z.string(), z.number().int()).openapi({
      description:
        'By reason: opted-out, no-email, deceased, do-not-contact, erased, deleted, merged, suppressed, already-sent.',
    }),
  })
  .openapi('SendCounts');

export const CampaignSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    channel: z.enum(['email']),
    segmentId: z.string(),
    subjectTemplate: z.string(),
    bodyTemplate: z.string(),
    sourceCode: z.string().nullable(),
    fromAddress: z.string(),
    state: z.enum(['draft', 'sending', 'sent']),
    counts: SendCountsSchema,
    createdBy: z.string(),
    createdAt: time,
    updatedAt: time,
    sendStartedAt: time.nullable(),
    sendFinishedAt: time.nullable(),
  })
  .openapi('Campaign');

export const CampaignPageSchema = pageSchema(CampaignSchema, 'CampaignPage');

export const AttributionSchema = z
  .object({
    campaignId: z.string(),
    messagesSent: z.number().int(),
    responses: z
      .number()
      .int()
      .openapi({ description: 'Distinct donors of attributed paid gifts.' }),
    responseRate: z
      .number()
      .openapi({ description: 'responses / messagesSent (0 when nothing was sent).' }),
    gifts: z.number().int(),
    raised: z
      .array(z.object({ amountMinor: z.number().int(), currency: z.string() }))
      .openapi({ description: 'Per currency, net of refunds, never summed across currencies.' }),
  })
  .openapi('CampaignAttribution');
