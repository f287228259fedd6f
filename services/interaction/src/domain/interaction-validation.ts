// The input rules of interactions, applied to what a caller sends (create, and the fields an
// update names). Lengths and counts come from @kith/contracts INTERACTION_FIELD_LIMITS, which
// the gateway's zod schemas take too, so the two edges cannot drift apart. Whether the
// participants are live contacts is not decided here: that needs the projection (app/).
import { INTERACTION_FIELD_LIMITS as LIMITS, textProblem } from '@kith/contracts';
import type { DomainFieldError } from '@kith/errors';
import {
  INTERACTION_DIRECTIONS,
  INTERACTION_FIELDS,
  INTERACTION_TYPES,
  OPTIONAL_FIELDS,
  type InteractionDirection,
  type InteractionField,
  type InteractionFields,
  type InteractionType,
} from './interaction';
import { InteractionError } from './interaction-error';

/** What a caller sends; '' and 0 mean "not given" (proto3 has no absence for scalars). */
export interface InteractionInput {
  type?: string;
  direction?: string;
  occurredAt?: string;
  durationMinutes?: number;
  subject?: string;
  body?: string;
  participantContactIds?: string[];
  organizationId?: string;
  campaignId?: string;
  opportunityId?: string;
}

export const ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${LIMITS.id}}$`);
/** Another service's record id: opaque, but bounded and printable (no spaces). */
const FOREIGN_ID_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${LIMITS.id}}$`);

/** Notes and meetings happen inside; everything else is sent unless the caller says otherwise. */
export function defaultDirection(type: InteractionType): InteractionDirection {
  return type === 'note' || type === 'meeting' || type === 'in_person' ? 'internal' : 'outbound';
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A timestamp with an offset, written in the years LIMITS.firstYear..lastYear, as UTC
 * ISO-8601 (toISOString), or undefined.
 */
export function utcTime(value: string): string | undefined {
  const parts = TIME.exec(value);
  if (!parts) return undefined;
  const [year, month, day, hour, minute] = parts.slice(1, 6).map(Number) as number[];
  // Date rolls 2026-02-30 over into March: a day the calendar lacks is refused instead.
  const calendar = new Date(Date.UTC(year!, month! - 1, day!));
  if (calendar.getUTCMonth() !== month! - 1 || hour! > 23 || minute! > 59) return undefined;
  const date = new Date(value);
  // The year as written, which the API document's pattern can say (its UTC year may differ).
  return Number.isNaN(date.getTime()) || year! < LIMITS.firstYear || year! > LIMITS.lastYear
    ? undefined
    : date.toISOString();
}

type Checked<F extends InteractionField> = {
  value?: InteractionFields[F];
  errors: DomainFieldError[];
};

const problem = (field: string, message: string): DomainFieldError => ({ field, message });

function checkText(field: 'subject' | 'body', value: string): Checked<'subject'> {
  const max = LIMITS[field];
  const text = field === 'subject' ? value.trim() : value;
  if (text.length > max) return { errors: [problem(field, `must be at most ${max} characters`)] };
  const wrong = textProblem(text);
  if (wrong) return { errors: [problem(field, wrong)] };
  return text === '' ? { errors: [] } : { value: text, errors: [] };
}

function checkParticipants(ids: string[]): Checked<'participantContactIds'> {
  const errors = ids.flatMap((id, i) =>
    ID_PATTERN.test(id) ? [] : [problem(`participantContactIds[${i}]`, 'is not a valid id')],
  );
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) errors.push(problem('participantContactIds', 'name at least one'));
  if (distinct.length > LIMITS.participants) {
    errors.push(problem('participantContactIds', `must name at most ${LIMITS.participants}`));
  }
  return errors.length > 0 ? { errors } : { value: distinct, errors };
}

/** The check of one field; `given` is the caller's value as the transport delivered it. */
function checkField(field: InteractionField, input: InteractionInput): Checked<InteractionField> {
  switch (field) {
    case 'type': {
      const type = input.type ?? '';
      return (INTERACTION_TYPES as readonly string[]).includes(type)
        ? { value: type as InteractionType, errors: [] }
        : { errors: [problem('type', `must be one of ${INTERACTION_TYPES.join(', ')}`)] };
    }
    case 'direction': {
      const direction = input.direction ?? '';
      return (INTERACTION_DIRECTIONS as readonly string[]).includes(direction)
        ? { value: direction as InteractionDirection, errors: [] }
        : { errors: [problem('direction', `must be one of ${INTERACTION_DIRECTIONS.join(', ')}`)] };
    }
    case 'occurredAt': {
      const at = utcTime(input.occurredAt ?? '');
      return at
        ? { value: at, errors: [] }
        : { errors: [problem('occurredAt', 'must be an ISO-8601 time with an offset')] };
    }
    case 'durationMinutes': {
      const minutes = input.durationMinutes ?? 0;
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > LIMITS.durationMinutes) {
        return {
          errors: [problem('durationMinutes', `must be 0..${LIMITS.durationMinutes} minutes`)],
        };
      }
      return minutes === 0 ? { errors: [] } : { value: minutes, errors: [] };
    }
    case 'subject':
    case 'body':
      return checkText(field, input[field] ?? '');
    case 'participantContactIds':
      return checkParticipants((input.participantContactIds ?? []).map((id) => id.trim()));
    case 'organizationId':
    case 'campaignId':
    case 'opportunityId': {
      const id = (input[field] ?? '').trim();
      if (id === '') return { errors: [] };
      const pattern = field === 'organizationId' ? ID_PATTERN : FOREIGN_ID_PATTERN;
      return pattern.test(id)
        ? { value: id, errors: [] }
        : { errors: [problem(field, 'is not a valid id')] };
    }
  }
}

const ALL_FIELDS: readonly InteractionField[] = INTERACTION_FIELDS;

/** A create's fields, or VALIDATION_FAILED naming every field at fault. */
export function validateCreate(input: InteractionInput): InteractionFields {
  if (input.direction) return checked(ALL_FIELDS, input, {}) as InteractionFields;
  const type = input.type ?? '';
  // No direction: the type's default, or (for a type already refused) no second error.
  return (INTERACTION_TYPES as readonly string[]).includes(type)
    ? (checked(
        ALL_FIELDS,
        { ...input, direction: defaultDirection(type as InteractionType) },
        {},
      ) as InteractionFields)
    : (checked(
        ALL_FIELDS.filter((f) => f !== 'direction'),
        input,
        {},
      ) as InteractionFields);
}

/** The named fields of an update over `current`; an optional one sent empty is cleared. */
export function validateUpdate(
  current: InteractionFields,
  input: InteractionInput,
  paths: readonly string[],
): InteractionFields {
  const unknown = paths.filter((p) => !(ALL_FIELDS as readonly string[]).includes(p));
  if (unknown.length > 0 || paths.length === 0) {
    throw InteractionError.validation([
      problem(
        'updateMask',
        paths.length === 0
          ? 'name at least one field to change'
          : `unknown paths: ${unknown.join(', ')}`,
      ),
    ]);
  }
  const base: Partial<InteractionFields> = { ...current };
  for (const path of paths as InteractionField[]) delete base[path];
  return checked(paths as InteractionField[], input, base) as InteractionFields;
}

function checked(
  fields: readonly InteractionField[],
  input: InteractionInput,
  base: Partial<InteractionFields>,
): Partial<InteractionFields> {
  const out: Record<string, unknown> = { ...base };
  const errors: DomainFieldError[] = [];
  for (const field of fields) {
    const result = checkField(field, input);
    errors.push(...result.errors);
    if (result.value !== undefined) out[field] = result.value;
    else if (
      !(OPTIONAL_FIELDS as readonly string[]).includes(field) &&
      result.errors.length === 0
    ) {
      errors.push(problem(field, 'is required'));
    }
  }
  if (errors.length > 0) throw InteractionError.validation(errors);
  return out as Partial<InteractionFields>;
}
