// Pure decisions about a tenant's relationship type catalogue. Creating adds a tenant type;
// changing relabels, deactivates or reactivates any type, built-ins included (the first
// change of a built-in writes the tenant's override of it). Kinds and symmetry never change
// after creation: existing relationships were checked against them.
import type { DomainFieldError } from '@kith/errors';
import { EVENT_TYPES } from '@kith/events';
import { builtInRelationshipType, type RelationshipType } from './relationship-type';
import { RelationshipTypeError } from './relationship-type-error';
import { parseContactKind, validateLabel, validateTypeCode } from './relationship-validation';

export const RELATIONSHIP_TYPE_CHANGED = EVENT_TYPES.relationshipTypeChanged;

export const RELATIONSHIP_TYPE_CHANGEABLE_FIELDS = ['labelAToB', 'labelBToA', 'active'] as const;
export type RelationshipTypeChangeableField = (typeof RELATIONSHIP_TYPE_CHANGEABLE_FIELDS)[number];

export interface RelationshipTypeEvent {
  type: typeof RELATIONSHIP_TYPE_CHANGED;
  relationshipType: RelationshipType;
  change: 'created' | 'updated';
  changedFields: RelationshipTypeChangeableField[];
}

export interface RelationshipTypeDecision {
  relationshipType: RelationshipType;
  events: RelationshipTypeEvent[];
}

export interface CreateRelationshipTypeCommand {
  tenantId: string;
  code: string;
  labelAToB: string;
  /** Ignored (taken from labelAToB) when symmetric; required otherwise. */
  labelBToA?: string;
  contactKindA: string;
  contactKindB: string;
  symmetric: boolean;
}

export interface ChangeRelationshipTypeCommand {
  tenantId: string;
  code: string;
  expectedVersion: number;
  labelAToB?: string;
  labelBToA?: string;
  active?: boolean;
}

/** `existing` is the tenant's effective type with this code (stored or built-in), if any. */
export function decideCreateRelationshipType(
  command: CreateRelationshipTypeCommand,
  existing: RelationshipType | undefined,
  now: string,
): RelationshipTypeDecision {
  const errors: DomainFieldError[] = [...validateTypeCode(command.code)];
  const a = validateLabel('labelAToB', command.labelAToB);
  const b = command.symmetric ? a : validateLabel('labelBToA', command.labelBToA);
  const kindA = parseContactKind('contactKindA', command.contactKindA);
  const kindB = parseContactKind('contactKindB', command.contactKindB);
  errors.push(
    ...a.errors,
    ...(command.symmetric ? [] : b.errors),
    ...kindA.errors,
    ...kindB.errors,
  );
  if (command.symmetric && kindA.kind && kindB.kind && kindA.kind !== kindB.kind) {
    errors.push({ field: 'contactKindB', message: 'must equal contactKindA for a symmetric type' });
  }
  if (errors.length > 0 || !a.label || !b.label || !kindA.kind || !kindB.kind) {
    throw RelationshipTypeError.validation(errors);
  }
  if (existing || builtInRelationshipType(command.code)) {
    throw RelationshipTypeError.alreadyExists(
      `relationship type ${command.code} exists; change it instead of creating it`,
    );
  }
  const relationshipType: RelationshipType = {
    tenantId: command.tenantId,
    code: command.code,
    labelAToB: a.label,
    labelBToA: b.label,
    contactKindA: kindA.kind,
    contactKindB: kindB.kind,
    symmetric: command.symmetric,
    active: true,
    builtIn: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return {
    relationshipType,
    events: [
      { type: RELATIONSHIP_TYPE_CHANGED, relationshipType, change: 'created', changedFields: [] },
    ],
  };
}

export function decideChangeRelationshipType(
  current: RelationshipType | undefined,
  command: ChangeRelationshipTypeCommand,
  now: string,
): RelationshipTypeDecision {
  if (!current || current.tenantId !== command.tenantId || current.code !== command.code) {
    throw RelationshipTypeError.notFound(command.code);
  }
  if (!Number.isSafeInteger(command.expectedVersion) || command.expectedVersion < 1) {
    throw RelationshipTypeError.validation([
      { field: 'expectedVersion', message: 'must be the version you read (1 or more)' },
    ]);
  }
  if (command.expectedVersion !== current.version) {
    throw RelationshipTypeError.versionConflict(
      command.code,
      command.expectedVersion,
      current.version,
    );
  }
  const next: RelationshipType = { ...current };
  const errors: DomainFieldError[] = [];
  if (command.labelAToB !== undefined) {
    const { label, errors: labelErrors } = validateLabel('labelAToB', command.labelAToB);
    errors.push(...labelErrors);
    if (label) next.labelAToB = label;
    // One label reads both ways for a symmetric type.
    if (label && current.symmetric) next.labelBToA = label;
  }
  if (command.labelBToA !== undefined) {
    if (current.symmetric) {
      errors.push({ field: 'labelBToA', message: 'a symmetric type has one label: set labelAToB' });
    } else {
      const { label, errors: labelErrors } = validateLabel('labelBToA', command.labelBToA);
      errors.push(...labelErrors);
      if (label) next.labelBToA = label;
    }
  }
  if (command.active !== undefined) next.active = command.active;
  if (errors.length > 0) throw RelationshipTypeError.validation(errors);
  const changedFields = RELATIONSHIP_TYPE_CHANGEABLE_FIELDS.filter(
    (field) => next[field] !== current[field],
  );
  if (changedFields.length === 0) return { relationshipType: current, events: [] };
  const relationshipType: RelationshipType = {
    ...next,
    version: current.version + 1,
    createdAt: current.createdAt ?? now,
    updatedAt: now,
  };
  return {
    relationshipType,
    events: [
      { type: RELATIONSHIP_TYPE_CHANGED, relationshipType, change: 'updated', changedFields },
    ],
  };
}
