// REST schemas of /v1/custom-fields. Record types, field types, the key pattern and the
// limits come from @kith/contracts, shared with the contact service's definition rules
// (services/contact/src/domain/custom-field-validation.ts); rules that depend on the field
// type (which rules apply, min <= max, pattern safety) are left to the service, which names
// the offending field in errors[].
import {
  CUSTOM_FIELD_KEY_PATTERN,
  CUSTOM_FIELD_LIMITS as LIMITS,
  CUSTOM_FIELD_RECORD_TYPES as RECORD_TYPES,
  CUSTOM_FIELD_TYPES as FIELD_TYPES,
  TEXT_PATTERN,
} from '@kith/contracts';
import type { ZodOpenAPIMetadata } from '@asteasolutions/zod-to-openapi';
import { z } from '../../http/schemas/zod';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { cursorQuery, pageSizeQuery } from '../../http/schemas/paging.schema';
import { freeText, maxChars, shortText, wellFormedText } from '../../http/schemas/text.schema';

export { FIELD_TYPES };

const recordType = z.enum(RECORD_TYPES).openapi({ description: 'Which records carry the field.' });
const fieldKey = z
  .string()
  .regex(
    CUSTOM_FIELD_KEY_PATTERN,
    `a-z first, then a-z, 0-9 and _ (at most ${LIMITS.key} characters).`,
  )
  .openapi({
    description: 'Values live under customFields.<key>; filter with ?cf.<key>=.',
    example: 'membership_level',
  });
// A calendar date (2026-02-30 is not one), as the service's isCalendarDate takes it. The
// document says so twice: `format: date` (which validators may ignore) and zod's own pattern of
// real days, leap years included; \d{4}-\d{2}-\d{2} alone called 0663-43-62 a date.
const DATE_PATTERN = z.regexes.date.source;
const date = z.iso.date().openapi({ pattern: DATE_PATTERN });

const OptionInputSchema = z
  .strictObject({
    value: shortText(LIMITS.optionValue).openapi({ description: 'Stored; never changes.' }),
    label: freeText(LIMITS.label).optional().openapi({ description: 'Defaults to value.' }),
    active: z.boolean().optional().openapi({ description: 'Default true. false retires it.' }),
  })
  .openapi('CustomFieldOptionInput');

export const CustomFieldValidationSchema = z
  .strictObject({
    minLength: z.number().int().min(0).max(LIMITS.text).optional().openapi({ description: 'text' }),
    maxLength: z.number().int().min(1).max(LIMITS.text).optional().openapi({ description: 'text' }),
    pattern: maxChars(z.string().min(1), LIMITS.pattern)
      .superRefine(wellFormedText)
      .optional()
      .openapi({
        pattern: TEXT_PATTERN,
        description: 'text: the whole value must match (JavaScript syntax; no nested quantifiers).',
      }),
    min: z.union([z.number(), date]).optional().openapi({ description: 'number, or date bound' }),
    max: z.union([z.number(), date]).optional().openapi({ description: 'number, or date bound' }),
    integer: z.boolean().optional().openapi({ description: 'number: whole numbers only' }),
    maxSelected: z
      .number()
      .int()
      .min(1)
      .max(LIMITS.options)
      .optional()
      .openapi({ description: 'multi_select' }),
  })
  .openapi('CustomFieldValidation', {
    description: 'Only the rules of the field type may be set.',
  });

const specFields = {
  label: shortText(LIMITS.label),
  description: freeText(LIMITS.description).optional(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().optional().openapi({
    description: 'Checked when a record is created and when a value is cleared.',
  }),
  options: z.array(OptionInputSchema).max(LIMITS.options).optional().openapi({
    description:
      'Selects only, in display order. Options can be added or deactivated, never removed.',
  }),
  validation: CustomFieldValidationSchema.optional(),
};

/**
 * What the service's rules by type say (RULES_BY_TYPE, options only on selects), stated in the
 * document: one branch per type, its options and the validation rules that apply to it. What
 * no schema states (min <= max, a pattern that compiles, distinct option values) stays the
 * service's 400.
 */
function typeBranch(type: (typeof FIELD_TYPES)[number], rules: Record<string, object>) {
  const select = type === 'single_select' || type === 'multi_select';
  const validation =
    Object.keys(rules).length === 0
      ? { maxProperties: 0 }
      : { propertyNames: { enum: Object.keys(rules) }, properties: rules };
  return {
    properties: {
      type: { const: type },
      options: select ? { minItems: 1 } : { maxItems: 0 },
      validation,
    },
    required: select ? ['type', 'options'] : ['type'],
  };
}
const number = { type: 'number' } as const;
const dateBound = { type: 'string', format: 'date', pattern: DATE_PATTERN } as const;

// Plain JSON Schema objects: the metadata type knows both OpenAPI versions' schema types.
const byType = {
  oneOf: [
    typeBranch('text', { minLength: {}, maxLength: {}, pattern: {} }),
    typeBranch('number', { min: number, max: number, integer: {} }),
    typeBranch('date', { min: dateBound, max: dateBound }),
    typeBranch('boolean', {}),
    typeBranch('single_select', {}),
    typeBranch('multi_select', { maxSelected: {} }),
  ],
} as unknown as Partial<ZodOpenAPIMetadata>;

export const CreateCustomFieldBodySchema = z
  .strictObject({ recordType, key: fieldKey, ...specFields })
  .openapi('CreateCustomField', byType);

export const PatchCustomFieldBodySchema = mergePatchBody(
  z.strictObject({
    label: specFields.label.optional(),
    description: specFields.description.unwrap().nullable().optional(),
    type: specFields.type.optional().openapi({
      description: 'May be sent, but a different type is refused (422).',
    }),
    required: z.boolean().optional(),
    options: specFields.options,
    validation: CustomFieldValidationSchema.nullable().optional(),
  }),
  'PatchCustomField',
);

export const CustomFieldParamsSchema = z.strictObject({
  recordType: recordType.openapi({ param: { name: 'recordType', in: 'path' } }),
  key: fieldKey.openapi({ param: { name: 'key', in: 'path' } }),
});

export const CustomFieldListQuerySchema = z.strictObject({
  recordType: recordType.optional().openapi({ description: 'Omit to list every record type.' }),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ description: 'Archived definitions too (default false).' }),
  limit: pageSizeQuery({ defaultSize: LIMITS.defaultPageSize, noun: 'Page size' }),
  cursor: cursorQuery('nextCursor from the previous page. Repeat the same filters with it.'),
});

export const CustomFieldSchema = z
  .object({
    recordType: z.enum(RECORD_TYPES),
    key: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), label: z.string(), active: z.boolean() })),
    validation: CustomFieldValidationSchema,
    archived: z.boolean().openapi({ description: 'Stored values stay; new ones are refused.' }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('CustomField');

export const CustomFieldPageSchema = z
  .object({
    data: z.array(CustomFieldSchema),
    nextCursor: z.string().nullable().openapi({ description: 'null on the last page.' }),
  })
  .openapi('CustomFieldPage');
