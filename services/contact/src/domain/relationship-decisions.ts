// Pure decisions about relationships: given the current state, the command, the type, the
// contacts, the clock and new ids, answer the next state and its events, or throw a
// ContactError. No I/O: the use case reads what is needed and passes it in.
import { EVENT_TYPES } from '@kith/events';
import type { Contact } from './contact';
import { ContactError } from './contact-error';
import { RelationshipError, RelationshipErrorCode } from './relationship-error';
import { normalisePair, type Relationship, type RelationshipFields } from './relationship';
import { kindFits, type RelationshipType } from './relationship-type';
import {
  validateRelationshipFields,
  type RelationshipFieldsInput,
} from './relationship-validation';

export const RELATIONSHIP_EVENT_TYPES = {
  created: EVENT_TYPES.relationshipCreated,
  updated: EVENT_TYPES.relationshipUpdated,
  deleted: EVENT_TYPES.relationshipDeleted,
} as const;

/** Snapshot fields an update can change (the rest are fixed at creation). */
export const RELATIONSHIP_CHANGEABLE_FIELDS = ['startDate', 'endDate', 'description'] as const;
export type RelationshipChangeableField = (typeof RELATIONSHIP_CHANGEABLE_FIELDS)[number];

export type RelationshipEvent =
  | { type: typeof RELATIONSHIP_EVENT_TYPES.created; relationship: Relationship }
  | {
      type: typeof RELATIONSHIP_EVENT_TYPES.updated;
      relationship: Relationship;
      changedFields: RelationshipChangeableField[];
    }
  | { type: typeof RELATIONSHIP_EVENT_TYPES.deleted; relationship: Relationship };

export interface RelationshipDecision {
  relationship: Relationship;
  /** Empty when nothing changed. */
  events: RelationshipEvent[];
}

export interface CreateRelationshipCommand {
  tenantId: string;
  typeCode: string;
  contactAId: string;
  contactBId: string;
  fields: RelationshipFieldsInput;
}

export interface UpdateRelationshipCommand {
  id: string;
  tenantId: string;
  expectedVersion: number;
  fields: RelationshipFieldsInput;
  /** start_date / startDate, end_date / endDate, description. A masked absent field clears. */
  updateMask: readonly string[];
}

export interface DeleteRelationshipCommand {
  id: string;
  tenantId: string;
  expectedVersion: number;
}

export function relationshipNotFound(id: string): RelationshipError {
  return RelationshipError.notFound(id);
}

export function decideCreateRelationship(
  command: CreateRelationshipCommand,
  context: {
    type: RelationshipType | undefined;
    /** As read by id in the command's tenant; undefined when missing or foreign. */
    contactA: Contact | undefined;
    contactB: Contact | undefined;
    id: string;
    now: string;
  },
): RelationshipDecision {
  const { type } = context;
  if (!type) {
    throw RelationshipError.validation([
      { field: 'typeCode', message: `no relationship type ${command.typeCode} in this tenant` },
    ]);
  }
  if (!type.active) {
    throw new RelationshipError(
      RelationshipErrorCode.FAILED_PRECONDITION,
      `relationship type ${type.code} is deactivated`,
      [{ field: 'typeCode', message: 'is deactivated; reactivate it or choose another' }],
    );
  }
  if (command.contactAId === command.contactBId) {
    throw RelationshipError.validation([
      { field: 'contactBId', message: 'a contact cannot be related to itself' },
    ]);
  }
  const contactA = liveContact(command.tenantId, command.contactAId, context.contactA);
  const contactB = liveContact(command.tenantId, command.contactBId, context.contactB);
  const kindErrors = [
    ...(kindFits(type.contactKindA, contactA.kind)
      ? []
      : [{ field: 'contactAId', message: `must be a ${type.contactKindA} for ${type.code}` }]),
    ...(kindFits(type.contactKindB, contactB.kind)
      ? []
      : [{ field: 'contactBId', message: `must be a ${type.contactKindB} for ${type.code}` }]),
  ];
  const { fields, errors } = validateRelationshipFields(command.fields);
  if (kindErrors.length + errors.length > 0)
    throw RelationshipError.validation([...kindErrors, ...errors]);
  const relationship: Relationship = {
    id: context.id,
    tenantId: command.tenantId,
    version: 1,
    typeCode: type.code,
    ...normalisePair(type, contactA.id, contactB.id),
    ...fields,
    createdAt: context.now,
    updatedAt: context.now,
  };
  return { relationship, events: [{ type: RELATIONSHIP_EVENT_TYPES.created, relationship }] };
}

export function decideUpdateRelationship(
  current: Relationship | undefined,
  command: UpdateRelationshipCommand,
  now: string,
): RelationshipDecision {
  const existing = checkWritable(current, command);
  const paths = parseRelationshipMask(command.updateMask);
  const merged: RelationshipFieldsInput = {
    startDate: existing.startDate,
    endDate: existing.endDate,
    description: existing.description,
  };
  for (const path of paths) merged[path] = command.fields[path];
  const { fields, errors } = validateRelationshipFields(merged);
  if (errors.length > 0) throw RelationshipError.validation(errors);
  const relationship: Relationship = {
    ...withoutFields(existing),
    ...fields,
    version: existing.version + 1,
    updatedAt: now,
  };
  const changedFields = RELATIONSHIP_CHANGEABLE_FIELDS.filter(
    (field) => existing[field] !== relationship[field],
  );
  if (changedFields.length === 0) return { relationship: existing, events: [] };
  return {
    relationship,
    events: [{ type: RELATIONSHIP_EVENT_TYPES.updated, relationship, changedFields }],
  };
}

export function decideDeleteRelationship(
  current: Relationship | undefined,
  command: DeleteRelationshipCommand,
  now: string,
): RelationshipDecision {
  const existing = checkWritable(current, command);
  const relationship: Relationship = {
    ...existing,
    version: existing.version + 1,
    updatedAt: now,
    deletedAt: now,
  };
  return { relationship, events: [{ type: RELATIONSHIP_EVENT_TYPES.deleted, relationship }] };
}

const MASK_PATHS: Record<string, RelationshipChangeableField> = {
  start_date: 'startDate',
  startDate: 'startDate',
  end_date: 'endDate',
  endDate: 'endDate',
  description: 'description',
};

export function parseRelationshipMask(mask: readonly string[]): RelationshipChangeableField[] {
  const unknown = mask.filter((path) => MASK_PATHS[path] === undefined);
  if (mask.length === 0 || unknown.length > 0) {
    throw RelationshipError.validation([
      {
        field: 'updateMask',
        message:
          unknown.length > 0
            ? `unknown paths ${unknown.join(', ')}; use start_date, end_date, description`
            : 'name at least one of start_date, end_date, description',
      },
    ]);
  }
  return [...new Set(mask.map((path) => MASK_PATHS[path] as RelationshipChangeableField))];
}

/** Missing, foreign and soft-deleted contacts all answer NOT_FOUND, naming the id sent. */
function liveContact(tenantId: string, id: string, contact: Contact | undefined): Contact {
  if (!contact || contact.tenantId !== tenantId || contact.id !== id || contact.deletedAt) {
    throw ContactError.notFound(id);
  }
  return contact;
}

/** Existence, tenant, soft delete, then version, as for contacts. */
function checkWritable(
  current: Relationship | undefined,
  command: { id: string; tenantId: string; expectedVersion: number },
): Relationship {
  if (!current || current.tenantId !== command.tenantId || current.id !== command.id) {
    throw relationshipNotFound(command.id);
  }
  if (current.deletedAt) {
    throw RelationshipError.alreadyDeleted(command.id);
  }
  if (!Number.isSafeInteger(command.expectedVersion) || command.expectedVersion < 1) {
    throw RelationshipError.validation([
      { field: 'expectedVersion', message: 'must be the version you read (1 or more)' },
    ]);
  }
  if (command.expectedVersion !== current.version) {
    throw RelationshipError.versionConflict(command.id, command.expectedVersion, current.version);
  }
  return current;
}

function withoutFields(relationship: Relationship): Omit<Relationship, keyof RelationshipFields> {
  const { startDate: _s, endDate: _e, description: _d, ...rest } = relationship;
  return rest;
}
