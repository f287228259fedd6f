// Custom field definitions as the domain sees them: per tenant and record type, a typed
// field that contacts of that type may carry under `customFields.<key>`. Plain data only.
// The record types, field types and key pattern are shared with the gateway's zod schemas
// (@kith/contracts field-vocabulary.ts, field-rules.ts).
import { CUSTOM_FIELD_RECORD_TYPES, CUSTOM_FIELD_TYPES } from '@kith/contracts';

export type CustomFieldRecordType = (typeof CUSTOM_FIELD_RECORD_TYPES)[number];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldOption {
  /** What is stored and filtered on; never changes once added. */
  value: string;
  label: string;
  /** An inactive option is kept (stored values still name it) but no longer accepted. */
  active: boolean;
}

/** Only the rules of the field's type may be set; see validateDefinitionSpec. */
export interface CustomFieldValidation {
  minLength?: number;
  maxLength?: number;
  /** Text must match the whole pattern (JavaScript syntax, `u` flag). */
  pattern?: string;
  /** Number bounds, or date bounds as YYYY-MM-DD strings. */
  min?: number | string;
  max?: number | string;
  integer?: boolean;
  maxSelected?: number;
}

/** The writable part of a definition. */
export interface CustomFieldSpec {
  label: string;
  description?: string;
  type: CustomFieldType;
  required: boolean;
  options: CustomFieldOption[];
  validation: CustomFieldValidation;
}

export interface CustomFieldDefinition extends CustomFieldSpec {
  /** `<tenantId>:<recordType>:<key>`, so every lookup is an `{_id}` lookup on FerretDB. */
  id: string;
  tenantId: string;
  recordType: CustomFieldRecordType;
  key: string;
  archived: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a caller sends before validation: anything may be missing or of the wrong shape. */
export interface CustomFieldSpecInput {
  label?: string;
  description?: string;
  type?: string;
  required?: boolean;
  options?: Array<{ value?: string; label?: string; active?: boolean }>;
  validation?: CustomFieldValidation;
}

/** A stored value: numbers as numbers, dates as YYYY-MM-DD, multi-selects as sorted lists. */
export type CustomFieldValue = string | number | boolean | string[];

export function customFieldId(
  tenantId: string,
  recordType: CustomFieldRecordType,
  key: string,
): string {
  return `${tenantId}:${recordType}:${key}`;
}

export function isCustomFieldRecordType(value: string): value is CustomFieldRecordType {
  return (CUSTOM_FIELD_RECORD_TYPES as readonly string[]).includes(value);
}

export function isCustomFieldType(value: string): value is CustomFieldType {
  return (CUSTOM_FIELD_TYPES as readonly string[]).includes(value);
}

export function isSelectType(type: CustomFieldType): boolean {
  return type === 'single_select' || type === 'multi_select';
}
