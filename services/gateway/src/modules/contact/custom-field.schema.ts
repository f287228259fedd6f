// REST schemas of /v1/custom-fields. Limits mirror the contact service's definition rules
// (services/contact/src/domain/custom-field-validation.ts); rules that depend on the field
// type (which rules apply, min <= max, pattern safety) are left to the service, which names
// the offending field in errors[].
import { z } from '../../http/schemas/zod';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';

export const RECORD_TYPES = ['person', 'organization', 'household'] as const;
export const FIELD_TYPES = [
  'text',
  'number',
  'date',
  'boolean',
  'single_select',
  'multi_select',
] as const;

const recordType = z.enum(RECORD_TYPES).openapi({ description: 'Which records carry the field.' });
const fieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a-z first, then a-z, 0-9 and _ (at most 40 characters).')
  .openapi({
    description: 'Values live under customFields.<key>; filter with ?cf.<key>=.',
    example: 'membership_level',
  });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date: YYYY-MM-DD.');

const OptionInputSchema = z
  .strictObject({
    value: z.string().trim().min(1).max(100).openapi({ description: 'Stored; never changes.' }),
    label: z.string().trim().max(100).optional().openapi({ description: 'Defaults to value.' }),
    active: z.boolean().optional().openapi({ description: 'Default true. false retires it.' }),
  })
  .openapi('CustomFieldOptionInput');

export const CustomFieldValidationSchema = z
  .strictObject({
    minLength: z.number().int().min(0).max(1000).optional().openapi({ description: 'text' }),
    maxLength: z.number().int().min(1).max(1000).optional().openapi({ description: 'text' }),
    pattern: z.string().min(1).max(200).optional().openapi({
      description: 'text: the whole value must match (JavaScript syntax; no nested quantifiers).',
    }),
    min: z.union([z.number(), date]).optional().openapi({ description: 'number, or date bound' }),
    max: z.union([z.number(), date]).optional().openapi({ description: 'number, or date bound' }),
    integer: z.boolean().optional().openapi({ description: 'number: whole numbers only' }),
    maxSelected: z.number().int().min(1).optional().openapi({ description: 'multi_select' }),
  })
  .openapi('CustomFieldValidation', {
    description: 'Only the rules of the field type may be set.',
  });

const specFields = {
  label: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().optional().openapi({
    description: 'Checked when a record is created and when a value is cleared.',
  }),
  options: z.array(OptionInputSchema).max(200).optional().openapi({
    description:
      'Selects only, in display order. Options can be added or deactivated, never removed.',
  }),
  validation: CustomFieldValidationSchema.optional(),
};

export const CreateCustomFieldBodySchema = z
  .strictObject({ recordType, key: fieldKey, ...specFields })
  .openapi('CreateCustomField');

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
  limit: z.coerce.number().int().min(1).max(200).default(100).openapi({
    description: 'Page size, 1..200 (default 100).',
  }),
  cursor: z.string().min(1).max(2048).optional().openapi({
    description: 'nextCursor from the previous page. Repeat the same filters with it.',
  }),
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
