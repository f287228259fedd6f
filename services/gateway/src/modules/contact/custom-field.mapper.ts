// The REST shape of a custom field definition and the pure mappings to and from the
// CustomFieldService messages. REST has one `min`/`max` (a number, or a YYYY-MM-DD string
// for date fields); proto keeps number and date bounds apart.
import type { customFieldV1 } from '@kith/contracts';
import type { z } from 'zod';
import type {
  CustomFieldSchema,
  CustomFieldValidationSchema,
  PatchCustomFieldBodySchema,
} from './custom-field.schema';

export type CustomFieldResource = z.output<typeof CustomFieldSchema>;
type CustomFieldValidationResource = z.output<typeof CustomFieldValidationSchema>;
/** What a create body or a merge patch carries (after zod); a create body is a full patch. */
export type CustomFieldSpecBody = z.output<typeof PatchCustomFieldBodySchema>;

export function toCustomFieldResource(
  field: customFieldV1.CustomField__Output,
): CustomFieldResource {
  const spec = field.spec;
  return {
    // The service stores only the record and field types the schema lists.
    recordType: field.recordType as CustomFieldResource['recordType'],
    key: field.key,
    label: spec?.label ?? '',
    description: spec?.description || null,
    type: (spec?.type ?? '') as CustomFieldResource['type'],
    required: spec?.required ?? false,
    options: (spec?.options ?? []).map(({ value, label, active }) => ({
      value,
      label,
      active: active ?? true,
    })),
    validation: validationFromProto(spec?.validation ?? null),
    archived: field.archived,
    version: Number(field.version),
    createdAt: field.createdAt,
    updatedAt: field.updatedAt,
  };
}

function validationFromProto(
  v: customFieldV1.CustomFieldValidation__Output | null,
): CustomFieldValidationResource {
  if (!v) return {};
  const out: CustomFieldValidationResource = {};
  if (v.minLength !== undefined) out.minLength = v.minLength;
  if (v.maxLength !== undefined) out.maxLength = v.maxLength;
  if (v.pattern !== undefined) out.pattern = v.pattern;
  const min = v.minDate ?? v.min;
  const max = v.maxDate ?? v.max;
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  if (v.integer !== undefined) out.integer = v.integer;
  if (v.maxSelected !== undefined) out.maxSelected = v.maxSelected;
  return out;
}

function validationToProto(
  v: CustomFieldValidationResource | null | undefined,
): customFieldV1.CustomFieldValidation {
  const out: customFieldV1.CustomFieldValidation = {};
  if (!v) return out;
  if (v.minLength !== undefined) out.minLength = v.minLength;
  if (v.maxLength !== undefined) out.maxLength = v.maxLength;
  if (v.pattern !== undefined) out.pattern = v.pattern;
  if (typeof v.min === 'string') out.minDate = v.min;
  else if (v.min !== undefined) out.min = v.min;
  if (typeof v.max === 'string') out.maxDate = v.max;
  else if (v.max !== undefined) out.max = v.max;
  if (v.integer !== undefined) out.integer = v.integer;
  if (v.maxSelected !== undefined) out.maxSelected = v.maxSelected;
  return out;
}

export function specToProto(body: CustomFieldSpecBody): customFieldV1.CustomFieldSpec {
  return {
    label: body.label ?? '',
    description: body.description ?? '',
    type: body.type ?? '',
    required: body.required ?? false,
    options: (body.options ?? []).map((o) => ({
      value: o.value,
      label: o.label ?? '',
      active: o.active ?? true,
    })),
    validation: validationToProto(body.validation),
  };
}

const PATCHABLE = ['label', 'description', 'type', 'required', 'options', 'validation'] as const;

/** A merge patch becomes an update mask of the keys it names (null clears). */
export function updateRequestOf(
  recordType: string,
  key: string,
  version: number,
  patch: CustomFieldSpecBody,
): customFieldV1.UpdateCustomFieldRequest {
  return {
    recordType,
    key,
    expectedVersion: String(version),
    spec: specToProto(patch),
    updateMask: { paths: PATCHABLE.filter((name) => patch[name] !== undefined) },
  };
}
