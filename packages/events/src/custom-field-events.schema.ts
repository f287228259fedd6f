// Schemas of the custom field definition events on kith.contact.v1 (the contact service owns
// definitions). Same evolution rule as the contact events: add optional fields only.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const CustomFieldOptionSchema = z.object({
  value: z.string().min(1).describe('stored and filtered on; never changes'),
  label: z.string(),
  active: z.boolean().describe('inactive options stay on stored values but are not accepted'),
});

export const CustomFieldValidationSchema = z
  .object({
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    pattern: z.string().optional().describe('text must match it whole'),
    min: z.union([z.number(), z.string()]).optional().describe('number, or YYYY-MM-DD for dates'),
    max: z.union([z.number(), z.string()]).optional().describe('number, or YYYY-MM-DD for dates'),
    integer: z.boolean().optional(),
    maxSelected: z.number().int().optional(),
  })
  .describe('only the rules of the field type are present');

export const CustomFieldSnapshotSchema = z
  .object({
    id: z.string().min(1).describe('<tenantId>:<recordType>:<key>'),
    tenantId: z.string().min(1),
    recordType: z.enum(['person', 'organization', 'household']),
    key: z.string().min(1).describe('values live under customFields.<key>'),
    label: z.string(),
    description: z.string().optional(),
    type: z.enum(['text', 'number', 'date', 'boolean', 'single_select', 'multi_select']),
    required: z.boolean(),
    options: z.array(CustomFieldOptionSchema),
    validation: CustomFieldValidationSchema,
    archived: z.boolean(),
    version: z.number().int().positive(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .describe('Full custom field definition after the change');

export const CustomFieldDefinedDataSchema = z.object({
  customField: CustomFieldSnapshotSchema,
  change: z.enum(['created', 'updated']),
  changedFields: z
    .array(z.string())
    .describe('definition fields that changed (every field on create)'),
});

export const CustomFieldArchivedDataSchema = z.object({
  customField: CustomFieldSnapshotSchema.describe('last state; archived is true'),
});

export type CustomFieldSnapshot = z.infer<typeof CustomFieldSnapshotSchema>;
export type CustomFieldDefinedData = z.infer<typeof CustomFieldDefinedDataSchema>;
export type CustomFieldArchivedData = z.infer<typeof CustomFieldArchivedDataSchema>;
