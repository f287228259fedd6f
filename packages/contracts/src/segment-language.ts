// The segment language: a JSON condition tree over a contact's projected profile
// (docs/segments.md). One zod schema is the validator of both edges (the gateway's request
// bodies, the marketing service's domain) and, through z.toJSONSchema, the JSON Schema
// published in the OpenAPI document, so none of them can drift. Pure: no I/O.
import { INTERACTION_TYPE_VALUES } from '@kith/events';
import { z } from 'zod';

export const SEGMENT_LIMITS = {
  /** Conditions in one definition, counting and/or/not nodes. */
  maxConditions: 100,
  /** Nesting of and/or/not. */
  maxDepth: 8,
  maxListValues: 100,
  maxTextLength: 200,
  /** JSON text of a definition. */
  maxDefinitionBytes: 32 * 1024,
} as const;

export const PROFILE_FIELDS = [
  'kind',
  'displayName',
  'firstName',
  'lastName',
  'source',
  'gender',
  'birthDate',
  'createdAt',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const GIVING_MEASURES = ['total', 'count', 'largest', 'lastGiftDate'] as const;
/** Interactions of these types count as activity: the interaction events' own vocabulary. */
export const ACTIVITY_TYPES = INTERACTION_TYPE_VALUES;
export const SEGMENT_CHANNELS = ['email', 'sms', 'phone', 'mail'] as const;

const text = z.string().min(1).max(SEGMENT_LIMITS.maxTextLength);
const scalar = z.union([text, z.number(), z.boolean()]);
const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');
const wholeCount = z.number().int().min(0).max(1_000_000_000_000);

/** "the last N days/months/years" before the moment the segment is evaluated; exactly one. */
export const WindowSchema = z
  .object({
    days: z.number().int().min(1).max(36_600).optional(),
    months: z.number().int().min(1).max(1_200).optional(),
    years: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .refine((w) => Object.keys(w).length === 1, 'give exactly one of days, months, years')
  .describe('a window ending at evaluation time, e.g. {"months": 12}');

/** Comparisons of a value; at least one. */
const comparisons = {
  eq: scalar.optional(),
  ne: scalar.optional(),
  gt: z.union([z.number(), text]).optional(),
  gte: z.union([z.number(), text]).optional(),
  lt: z.union([z.number(), text]).optional(),
  lte: z.union([z.number(), text]).optional(),
  in: z.array(scalar).min(1).max(SEGMENT_LIMITS.maxListValues).optional(),
  exists: z.boolean().optional(),
  contains: text.optional().describe('substring, case-insensitive; or a list element'),
};
const COMPARISON_KEYS = Object.keys(comparisons);
const hasComparison = (c: Record<string, unknown>) =>
  COMPARISON_KEYS.some((k) => c[k] !== undefined);
const COMPARISON_MESSAGE = `give at least one of ${COMPARISON_KEYS.join(', ')}`;

const numberBounds = {
  eq: wholeCount.optional(),
  gt: wholeCount.optional(),
  gte: wholeCount.optional(),
  lt: wholeCount.optional(),
  lte: wholeCount.optional(),
};
const hasBound = (c: Record<string, unknown>) =>
  ['eq', 'gt', 'gte', 'lt', 'lte'].some((k) => c[k] !== undefined);

export const FieldConditionSchema = z
  .object({ field: z.enum(PROFILE_FIELDS), ...comparisons })
  .strict()
  .refine(hasComparison, COMPARISON_MESSAGE)
  .describe('a profile field compared, e.g. {"field": "kind", "eq": "person"}');

export const TagConditionSchema = z
  .object({ tag: text })
  .strict()
  .describe('the contact carries the tag (exact, case-sensitive)');

export const CustomFieldConditionSchema = z
  .object({ customField: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), ...comparisons })
  .strict()
  .refine(hasComparison, COMPARISON_MESSAGE)
  .describe('a custom field value compared, e.g. {"customField": "level", "in": ["gold"]}');

export const ReachableConditionSchema = z
  .object({ reachable: z.enum(SEGMENT_CHANNELS) })
  .strict()
  .describe(
    'the channel may be used now: not suppressed (deceased, do not contact, opted out, no address)',
  );

export const ConsentConditionSchema = z
  .object({
    consent: z.enum(SEGMENT_CHANNELS),
    status: z.enum(['opted_in', 'opted_out', 'unknown']),
  })
  .strict()
  .describe('the latest consent on the channel');

export const GivingConditionSchema = z
  .object({
    giving: z.enum(GIVING_MEASURES),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .describe(
        'ISO 4217; required for total and largest (money is never summed across currencies)',
      ),
    within: WindowSchema.optional(),
    ...numberBounds,
    before: isoTime.optional().describe('lastGiftDate only'),
    after: isoTime.optional().describe('lastGiftDate only'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.giving === 'total' || c.giving === 'largest') && !c.currency) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: `required for ${c.giving}` });
    }
    if (c.giving === 'lastGiftDate') {
      if (hasBound(c)) {
        ctx.addIssue({ code: 'custom', message: 'lastGiftDate compares with before/after/within' });
      }
      if (!c.before && !c.after && !c.within) {
        ctx.addIssue({ code: 'custom', message: 'give at least one of before, after, within' });
      }
    } else {
      if (c.before || c.after) {
        ctx.addIssue({ code: 'custom', message: 'before/after are for lastGiftDate' });
      }
      if (!hasBound(c))
        ctx.addIssue({ code: 'custom', message: 'give one of eq, gt, gte, lt, lte' });
    }
  })
  .describe(
    'giving as paid gifts net of refunds (amounts in minor units), optionally within a window, ' +
      'e.g. {"giving": "total", "currency": "USD", "within": {"months": 12}, "gte": 10000}',
  );

export const ActivityConditionSchema = z
  .object({ activity: z.enum(ACTIVITY_TYPES), within: WindowSchema.optional(), ...numberBounds })
  .strict()
  .refine(hasBound, 'give one of eq, gt, gte, lt, lte')
  .describe(
    'interactions of a type, optionally within a window, e.g. {"activity": "meeting", "gte": 1}',
  );

export type WindowSpec = z.infer<typeof WindowSchema>;
export type FieldCondition = z.infer<typeof FieldConditionSchema>;
export type CustomFieldCondition = z.infer<typeof CustomFieldConditionSchema>;
export type GivingCondition = z.infer<typeof GivingConditionSchema>;
export type ActivityCondition = z.infer<typeof ActivityConditionSchema>;

export type SegmentCondition =
  | { and: SegmentCondition[] }
  | { or: SegmentCondition[] }
  | { not: SegmentCondition }
  | FieldCondition
  | z.infer<typeof TagConditionSchema>
  | CustomFieldCondition
  | z.infer<typeof ReachableConditionSchema>
  | z.infer<typeof ConsentConditionSchema>
  | GivingCondition
  | ActivityCondition;

export const SegmentConditionSchema: z.ZodType<SegmentCondition> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(SegmentConditionSchema).min(1).max(50) }).strict(),
    z.object({ or: z.array(SegmentConditionSchema).min(1).max(50) }).strict(),
    z.object({ not: SegmentConditionSchema }).strict(),
    FieldConditionSchema,
    TagConditionSchema,
    CustomFieldConditionSchema,
    ReachableConditionSchema,
    ConsentConditionSchema,
    GivingConditionSchema,
    ActivityConditionSchema,
  ]),
);

const required = (keys: readonly string[]) => keys.map((key) => ({ required: [key] }));
const BOUND_KEYS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const;
const DATE_KEYS = ['before', 'after'] as const;

/**
 * The refinements above as JSON Schema, so the published schema accepts exactly what the
 * validation accepts (a generator drawing from it, as schemathesis does, finds no difference).
 */
const JSON_SCHEMA_RULES = new Map<unknown, Record<string, unknown>>([
  [WindowSchema, { oneOf: required(['days', 'months', 'years']) }],
  [FieldConditionSchema, { anyOf: required(COMPARISON_KEYS) }],
  [CustomFieldConditionSchema, { anyOf: required(COMPARISON_KEYS) }],
  [ActivityConditionSchema, { anyOf: required(BOUND_KEYS) }],
  [
    GivingConditionSchema,
    {
      anyOf: [
        {
          properties: { giving: { enum: ['total', 'largest'] } },
          required: ['currency'],
          anyOf: required(BOUND_KEYS),
          not: { anyOf: required(DATE_KEYS) },
        },
        {
          properties: { giving: { const: 'count' } },
          anyOf: required(BOUND_KEYS),
          not: { anyOf: required(DATE_KEYS) },
        },
        {
          properties: { giving: { const: 'lastGiftDate' } },
          anyOf: required([...DATE_KEYS, 'within']),
          not: { anyOf: required(BOUND_KEYS) },
        },
      ],
    },
  ],
]);

/** The JSON Schema (draft 2020-12) of a definition, for the OpenAPI document and docs. */
export function segmentDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SegmentConditionSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const rules = JSON_SCHEMA_RULES.get(zodSchema);
      if (rules) Object.assign(jsonSchema, structuredClone(rules));
    },
  });
}

/** Whether the definition needs the giving or activity facts (else profiles alone answer). */
export function definitionNeeds(condition: SegmentCondition): {
  giving: boolean;
  activity: boolean;
} {
  const needs = { giving: false, activity: false };
  const walk = (c: SegmentCondition) => {
    if ('and' in c) c.and.forEach(walk);
    else if ('or' in c) c.or.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('giving' in c) needs.giving = true;
    else if ('activity' in c) needs.activity = true;
  };
  walk(condition);
  return needs;
}
