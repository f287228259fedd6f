// Field rules of relationships and relationship types. Every problem is collected, so a
// form can show them all at once; paths name the request fields.
import { RELATIONSHIP_FIELD_LIMITS, RELATIONSHIP_TYPE_CODE_PATTERN } from '@kith/contracts';
import type { ContactFieldError } from './contact-error';
import { isCalendarDate } from './custom-field-date.util';
import type { RelationshipFields } from './relationship';
import { RELATIONSHIP_CONTACT_KINDS, type RelationshipContactKind } from './relationship-type';

/** Shared with the gateway's zod schemas (@kith/contracts field-limits.ts). */
const RELATIONSHIP_LIMITS = RELATIONSHIP_FIELD_LIMITS;

// One calendar-date rule for custom fields and relationships.
export { isCalendarDate };

export interface RelationshipFieldsInput {
  startDate?: string;
  endDate?: string;
  description?: string;
}

/** Trims, treats '' as absent, checks dates and their order. */
export function validateRelationshipFields(input: RelationshipFieldsInput): {
  fields: RelationshipFields;
  errors: ContactFieldError[];
} {
  const errors: ContactFieldError[] = [];
  const fields: RelationshipFields = {};
  for (const key of ['startDate', 'endDate'] as const) {
    const value = input[key]?.trim() ?? '';
    if (value === '') continue;
    if (isCalendarDate(value)) fields[key] = value;
    else errors.push({ field: key, message: 'must be a date written YYYY-MM-DD' });
  }
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
    errors.push({ field: 'endDate', message: 'must be on or after startDate' });
  }
  const description = input.description?.trim() ?? '';
  if (description.length > RELATIONSHIP_LIMITS.description) {
    errors.push({
      field: 'description',
      message: `must be at most ${RELATIONSHIP_LIMITS.description} characters`,
    });
  } else if (description !== '') {
    fields.description = description;
  }
  return { fields, errors };
}

export function validateTypeCode(code: string): ContactFieldError[] {
  if (code.length > RELATIONSHIP_LIMITS.typeCode || !RELATIONSHIP_TYPE_CODE_PATTERN.test(code)) {
    return [
      {
        field: 'code',
        message: `must be a lower-case slug (a-z, 0-9, single hyphens), at most ${RELATIONSHIP_LIMITS.typeCode} characters`,
      },
    ];
  }
  return [];
}

/** A trimmed label, or an error for `field`. */
export function validateLabel(
  field: string,
  value: string | undefined,
): { label?: string; errors: ContactFieldError[] } {
  const label = value?.trim() ?? '';
  if (label === '' || label.length > RELATIONSHIP_LIMITS.label) {
    return {
      errors: [{ field, message: `is required, at most ${RELATIONSHIP_LIMITS.label} characters` }],
    };
  }
  return { label, errors: [] };
}

export function parseContactKind(
  field: string,
  value: string | undefined,
): { kind?: RelationshipContactKind; errors: ContactFieldError[] } {
  const kind = RELATIONSHIP_CONTACT_KINDS.find((k) => k === value);
  if (kind) return { kind, errors: [] };
  return { errors: [{ field, message: 'must be person, organization or any' }] };
}
