// kith.contact.v1 custom field messages <-> domain types. Number bounds and date bounds are
// separate proto fields (min/max vs min_date/max_date); the domain keeps one min/max whose
// type follows the field type. Proto3 '' means "not set".
import type { customFieldV1 } from '@kith/contracts';
import type {
  CustomFieldDefinition,
  CustomFieldSpecInput,
  CustomFieldValidation,
} from '../domain/custom-field';

export function specFromProto(
  spec: customFieldV1.CustomFieldSpec__Output | null,
): CustomFieldSpecInput {
  if (!spec) return {};
  const input: CustomFieldSpecInput = {
    label: spec.label,
    type: spec.type,
    required: spec.required,
    // An option sent without `active` is active (proto3 would otherwise read it as false).
    options: spec.options.map(({ value, label, active }) => ({
      value,
      label,
      active: active ?? true,
    })),
    validation: validationFromProto(spec.validation),
  };
  if (spec.description) input.description = spec.description;
  return input;
}

function validationFromProto(
  v: customFieldV1.CustomFieldValidation__Output | null,
): CustomFieldValidation {
  if (!v) return {};
  const rules: CustomFieldValidation = {};
  if (v.minLength !== undefined) rules.minLength = v.minLength;
  if (v.maxLength !== undefined) rules.maxLength = v.maxLength;
  if (v.pattern !== undefined) rules.pattern = v.pattern;
  if (v.integer !== undefined) rules.integer = v.integer;
  if (v.maxSelected !== undefined) rules.maxSelected = v.maxSelected;
  const min = v.minDate ?? v.min;
  const max = v.maxDate ?? v.max;
  if (min !== undefined) rules.min = min;
  if (max !== undefined) rules.max = max;
  return rules;
}

function validationToProto(rules: CustomFieldValidation): customFieldV1.CustomFieldValidation {
  const out: customFieldV1.CustomFieldValidation = {};
  if (rules.minLength !== undefined) out.minLength = rules.minLength;
  if (rules.maxLength !== undefined) out.maxLength = rules.maxLength;
  if (rules.pattern !== undefined) out.pattern = rules.pattern;
  if (rules.integer !== undefined) out.integer = rules.integer;
  if (rules.maxSelected !== undefined) out.maxSelected = rules.maxSelected;
  if (typeof rules.min === 'string') out.minDate = rules.min;
  else if (rules.min !== undefined) out.min = rules.min;
  if (typeof rules.max === 'string') out.maxDate = rules.max;
  else if (rules.max !== undefined) out.max = rules.max;
  return out;
}

export function customFieldToProto(d: CustomFieldDefinition): customFieldV1.CustomField {
  return {
    id: d.id,
    tenantId: d.tenantId,
    recordType: d.recordType,
    key: d.key,
    spec: {
      label: d.label,
      description: d.description ?? '',
      type: d.type,
      required: d.required,
      options: d.options.map(({ value, label, active }) => ({ value, label, active })),
      validation: validationToProto(d.validation),
    },
    archived: d.archived,
    version: String(d.version),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
