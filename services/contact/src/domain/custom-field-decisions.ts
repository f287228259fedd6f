// Pure decisions over custom field definitions: given the stored definition (if any), a
// command and the clock, answer the next state and its events, or throw a CustomFieldError.
import { CUSTOM_FIELD_KEY_PATTERN, CUSTOM_FIELD_LIMITS } from '@kith/contracts';
import type { DomainFieldError } from '@kith/errors';
import { EVENT_TYPES } from '@kith/events';
import {
  customFieldId,
  isCustomFieldRecordType,
  type CustomFieldDefinition,
  type CustomFieldRecordType,
  type CustomFieldSpec,
  type CustomFieldSpecInput,
} from './custom-field';
import { CustomFieldError } from './custom-field-error';
import { validateDefinitionSpec } from './custom-field-validation';

export const CUSTOM_FIELD_EVENT_TYPES = {
  defined: EVENT_TYPES.customFieldDefined,
  archived: EVENT_TYPES.customFieldArchived,
} as const;

/** The spec fields an update may name in its mask, in the order changedFields lists them. */
export const CUSTOM_FIELD_MASK_PATHS = [
  'label',
  'description',
  'type',
  'required',
  'options',
  'validation',
] as const;
export type CustomFieldMaskPath = (typeof CUSTOM_FIELD_MASK_PATHS)[number];

export type CustomFieldEvent =
  | {
      type: typeof CUSTOM_FIELD_EVENT_TYPES.defined;
      definition: CustomFieldDefinition;
      change: 'created' | 'updated';
      changedFields: CustomFieldMaskPath[];
    }
  | { type: typeof CUSTOM_FIELD_EVENT_TYPES.archived; definition: CustomFieldDefinition };

export interface CustomFieldDecision {
  definition: CustomFieldDefinition;
  /** Empty when nothing changed. */
  events: CustomFieldEvent[];
}

export interface FieldRef {
  tenantId: string;
  recordType: string;
  key: string;
}

export interface DefineCustomFieldCommand extends FieldRef {
  spec: CustomFieldSpecInput;
}

export interface ChangeCustomFieldCommand extends FieldRef {
  expectedVersion: number;
  spec: CustomFieldSpecInput;
  /** Names from CUSTOM_FIELD_MASK_PATHS; only these change. */
  updateMask: readonly string[];
}

export interface ArchiveCustomFieldCommand extends FieldRef {
  expectedVersion: number;
}

/** The stored id of a reference, or undefined when it cannot name any definition. */
export function idOfRef(ref: FieldRef): string | undefined {
  if (!isCustomFieldRecordType(ref.recordType) || !CUSTOM_FIELD_KEY_PATTERN.test(ref.key)) {
    return undefined;
  }
  return customFieldId(ref.tenantId, ref.recordType, ref.key);
}

export function customFieldNotFound(ref: FieldRef): CustomFieldError {
  return CustomFieldError.notFound(`${ref.recordType}/${ref.key}`);
}

/**
 * Each contact write loads every definition of its record type, and each list filter may
 * name them: a cap keeps that small. Archived definitions count (their keys stay taken).
 */
export const MAX_CUSTOM_FIELDS_PER_RECORD_TYPE = CUSTOM_FIELD_LIMITS.perRecordType;

export interface DefineState {
  /** Whatever is stored under the same id, archived or not: keys are never reused. */
  existing: CustomFieldDefinition | undefined;
  /** How many definitions the record type has, archived included. */
  definedCount: number;
}

export function decideDefine(
  command: DefineCustomFieldCommand,
  state: DefineState,
  now: string,
): CustomFieldDecision {
  const { existing } = state;
  const errors: DomainFieldError[] = [];
  if (!isCustomFieldRecordType(command.recordType)) {
    errors.push({ field: 'recordType', message: 'must be person, organization or household' });
  }
  if (!CUSTOM_FIELD_KEY_PATTERN.test(command.key)) {
    errors.push({
      field: 'key',
      message: 'must start with a-z and hold only a-z, 0-9 and _ (at most 40 characters)',
    });
  }
  const { spec, errors: specErrors } = validateDefinitionSpec(command.spec);
  errors.push(...specErrors);
  if (errors.length > 0) throw CustomFieldError.validation(errors);
  const recordType = command.recordType as CustomFieldRecordType;
  if (existing) {
    throw CustomFieldError.alreadyExists(
      `custom field ${recordType}/${command.key} exists already` +
        (existing.archived ? ' (archived; its key stays reserved for stored values)' : ''),
    );
  }
  if (state.definedCount >= MAX_CUSTOM_FIELDS_PER_RECORD_TYPE) {
    throw CustomFieldError.refused(
      `${recordType} records have ${state.definedCount} custom fields, the most allowed ` +
        `(${MAX_CUSTOM_FIELDS_PER_RECORD_TYPE}, archived ones included)`,
    );
  }
  const definition: CustomFieldDefinition = {
    id: customFieldId(command.tenantId, recordType, command.key),
    tenantId: command.tenantId,
    recordType,
    key: command.key,
    ...spec,
    archived: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const changedFields = [...CUSTOM_FIELD_MASK_PATHS];
  return {
    definition,
    events: [
      { type: CUSTOM_FIELD_EVENT_TYPES.defined, definition, change: 'created', changedFields },
    ],
  };
}

export function decideChange(
  current: CustomFieldDefinition | undefined,
  command: ChangeCustomFieldCommand,
  now: string,
): CustomFieldDecision {
  const existing = checkWritable(current, command);
  const paths = parseMask(command.updateMask);
  const merged: CustomFieldSpecInput = { ...specOf(existing) };
  for (const path of paths) (merged as Record<string, unknown>)[path] = command.spec[path];
  if (paths.includes('type') && (command.spec.type ?? '') !== existing.type) {
    throw CustomFieldError.refused(
      `the type of ${existing.key} is ${existing.type}; a type never changes (stored values ` +
        'would no longer match it). Archive the field and define a new key instead.',
      [{ field: 'type', message: 'cannot change' }],
    );
  }
  const { spec, errors } = validateDefinitionSpec(merged);
  if (errors.length > 0) throw CustomFieldError.validation(errors);
  const kept = new Set(spec.options.map((o) => o.value));
  const removed = existing.options.filter((o) => !kept.has(o.value)).map((o) => o.value);
  if (removed.length > 0) {
    throw CustomFieldError.refused(
      'options cannot be removed, because stored values may name them; set active: false instead',
      removed.map((value) => ({ field: 'options', message: `${value} is missing` })),
    );
  }
  const next: CustomFieldDefinition = {
    ...identityOf(existing),
    ...spec,
    archived: false,
    version: existing.version + 1,
    updatedAt: now,
  };
  const changedFields = CUSTOM_FIELD_MASK_PATHS.filter(
    (f) => JSON.stringify(existing[f] ?? null) !== JSON.stringify(next[f] ?? null),
  );
  if (changedFields.length === 0) return { definition: existing, events: [] };
  return {
    definition: next,
    events: [
      {
        type: CUSTOM_FIELD_EVENT_TYPES.defined,
        definition: next,
        change: 'updated',
        changedFields,
      },
    ],
  };
}

/** Archiving keeps the definition (stored values still name it) but stops new values. */
export function decideArchive(
  current: CustomFieldDefinition | undefined,
  command: ArchiveCustomFieldCommand,
  now: string,
): CustomFieldDecision {
  const existing = checkWritable(current, command);
  const definition: CustomFieldDefinition = {
    ...existing,
    archived: true,
    version: existing.version + 1,
    updatedAt: now,
  };
  return { definition, events: [{ type: CUSTOM_FIELD_EVENT_TYPES.archived, definition }] };
}

function checkWritable(
  current: CustomFieldDefinition | undefined,
  command: FieldRef & { expectedVersion: number },
): CustomFieldDefinition {
  if (!current || current.tenantId !== command.tenantId || current.id !== idOfRef(command)) {
    throw customFieldNotFound(command);
  }
  if (current.archived) {
    throw CustomFieldError.refused(`custom field ${current.key} is archived`);
  }
  if (!Number.isSafeInteger(command.expectedVersion) || command.expectedVersion < 1) {
    throw CustomFieldError.validation([
      { field: 'expectedVersion', message: 'must be the version you read (1 or more)' },
    ]);
  }
  if (command.expectedVersion !== current.version) {
    throw CustomFieldError.versionConflict(current.key, command.expectedVersion, current.version);
  }
  return current;
}

function parseMask(mask: readonly string[]): CustomFieldMaskPath[] {
  const allowed: readonly string[] = CUSTOM_FIELD_MASK_PATHS;
  const unknown = mask.filter((p) => !allowed.includes(p));
  if (mask.length === 0 || unknown.length > 0) {
    throw CustomFieldError.validation([
      {
        field: 'updateMask',
        message:
          `must name one or more of ${CUSTOM_FIELD_MASK_PATHS.join(', ')}` +
          (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''),
      },
    ]);
  }
  return [...new Set(mask)] as CustomFieldMaskPath[];
}

function specOf(d: CustomFieldDefinition): CustomFieldSpecInput {
  const spec: CustomFieldSpec = {
    label: d.label,
    type: d.type,
    required: d.required,
    options: d.options.map((o) => ({ ...o })),
    validation: { ...d.validation },
  };
  if (d.description !== undefined) spec.description = d.description;
  return spec;
}

function identityOf(
  d: CustomFieldDefinition,
): Pick<CustomFieldDefinition, 'id' | 'tenantId' | 'recordType' | 'key' | 'createdAt'> {
  return {
    id: d.id,
    tenantId: d.tenantId,
    recordType: d.recordType,
    key: d.key,
    createdAt: d.createdAt,
  };
}
