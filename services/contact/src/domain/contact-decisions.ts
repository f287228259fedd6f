// Pure decisions: given the current state, a command, the clock and new ids, answer the
// next state and the events it causes, or throw a ContactError. No I/O, so every rule
// here is unit-tested without servers.
import { EVENT_TYPES } from '@kith/events';
import type { Contact, ContactFields, ContactFieldsInput, ContactKind } from './contact';
import { ContactError, ContactErrorCode } from './contact-error';
import {
  applyConsentRecord,
  isSameConsentRequest,
  toConsentRecord,
  type ConsentRecord,
  type RecordConsentInput,
} from './consent';
import { deriveDisplayName, deriveSearchNames } from './contact-name.util';
import { applyUpdateMask, isCustomFieldPath, parseUpdateMask } from './contact-update-mask';
import type { CustomFieldDefinition } from './custom-field';
import { validateCustomFieldValues } from './custom-field-values';
import { validateContactFields } from './contact-validation';

// Event names live in the catalogue of @kith/events (constants only, no I/O).
export const CONTACT_EVENT_TYPES = {
  created: EVENT_TYPES.contactCreated,
  updated: EVENT_TYPES.contactUpdated,
  deleted: EVENT_TYPES.contactDeleted,
  consentChanged: EVENT_TYPES.contactConsentChanged,
} as const;

/**
 * Top-level snapshot fields an update can change, as the event catalogue defines
 * `changedFields`. Version and timestamps change on every update, so they are left out.
 */
export const CHANGEABLE_FIELDS = [
  'displayName',
  'person',
  'organization',
  'emails',
  'phones',
  'addresses',
  'tags',
  'source',
  'ownerId',
  'birthDate',
  'gender',
  'pronouns',
  'deceased',
  'deceasedDate',
  'doNotContact',
  'customFields',
  // Never by a caller's update: only the household-address consumer (household-address.ts).
  'householdAddress',
] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

export type ContactEvent =
  | { type: typeof CONTACT_EVENT_TYPES.created; contact: Contact }
  | {
      type: typeof CONTACT_EVENT_TYPES.updated;
      contact: Contact;
      changedFields: ChangeableField[];
      /** The state before, so the event can say what each changed field was. */
      before: Contact;
    }
  | { type: typeof CONTACT_EVENT_TYPES.deleted; contact: Contact }
  | { type: typeof CONTACT_EVENT_TYPES.consentChanged; contact: Contact; record: ConsentRecord };

export interface Decision {
  contact: Contact;
  /** Empty when nothing changed (an update that sets what is already there). */
  events: ContactEvent[];
}

export interface CreateContactCommand {
  /** Who asks (JWT sub), for the audit trail the events carry. */
  actorId?: string;
  tenantId: string;
  kind: ContactKind;
  fields: ContactFieldsInput;
}

export interface UpdateContactCommand {
  /** Who asks (JWT sub), for the audit trail the events carry. */
  actorId?: string;
  id: string;
  tenantId: string;
  expectedVersion: number;
  fields: ContactFieldsInput;
  /** Paths into ContactFields, snake_case or camelCase. */
  updateMask: readonly string[];
  /** The kind the caller expects; a contact of the other kind is NOT_FOUND. Absent: any. */
  expectedKind?: ContactKind | undefined;
}

export interface DeleteContactCommand {
  /** Who asks (JWT sub), for the audit trail the events carry. */
  actorId?: string;
  id: string;
  tenantId: string;
  expectedVersion: number;
  /** As in UpdateContactCommand. */
  expectedKind?: ContactKind | undefined;
}

export interface RecordConsentCommand {
  id: string;
  tenantId: string;
  /** The user recording it (JWT sub). */
  userId?: string;
  /** The caller's idempotency key (gRPC metadata); the use case derives the record id from it. */
  idempotencyKey?: string;
  consent: RecordConsentInput;
}

export function decideCreate(
  command: CreateContactCommand,
  context: { id: string; now: string; customFields?: readonly CustomFieldDefinition[] },
): Decision {
  const { fields, errors } = validateContactFields(command.kind, command.fields, {
    now: context.now,
  });
  const custom = validateCustomFieldValues(
    context.customFields ?? [],
    command.fields.customFields ?? {},
    { mode: 'create' },
  );
  errors.push(...custom.errors);
  if (errors.length > 0) throw ContactError.validation(errors);
  fields.customFields = custom.values;
  const contact: Contact = {
    id: context.id,
    tenantId: command.tenantId,
    kind: command.kind,
    version: 1,
    ...withDerivedNames(command.kind, fields),
    communication: {},
    consentHistory: [],
    createdAt: context.now,
    updatedAt: context.now,
  };
  return { contact, events: [{ type: CONTACT_EVENT_TYPES.created, contact }] };
}

export function decideUpdate(
  current: Contact | undefined,
  command: UpdateContactCommand,
  now: string,
  customFieldDefinitions: readonly CustomFieldDefinition[] = [],
): Decision {
  const existing = checkWritable(current, command);
  const paths = parseUpdateMask(command.updateMask, existing.kind);
  const { fields, errors } = validateContactFields(
    existing.kind,
    applyUpdateMask(existing, command.fields, paths),
    { now },
  );
  // Masked custom fields absent from the patch are cleared, like every other masked field.
  const given = command.fields.customFields ?? {};
  const customInput = Object.fromEntries(
    paths.filter(isCustomFieldPath).map((path) => {
      const key = path.slice('customFields.'.length);
      return [key, given[key] ?? null];
    }),
  );
  const custom = validateCustomFieldValues(customFieldDefinitions, customInput, {
    mode: 'update',
    current: existing.customFields,
  });
  errors.push(...custom.errors);
  if (errors.length > 0) throw ContactError.validation(errors);
  fields.customFields = custom.values;
  const contact: Contact = {
    ...baseOf(existing),
    version: existing.version + 1,
    ...withDerivedNames(existing.kind, fields),
    updatedAt: now,
  };
  const changedFields = changedContactFields(existing, contact);
  if (changedFields.length === 0) return { contact: existing, events: [] };
  return {
    contact,
    events: [{ type: CONTACT_EVENT_TYPES.updated, contact, changedFields, before: existing }],
  };
}

export function decideDelete(
  current: Contact | undefined,
  command: DeleteContactCommand,
  now: string,
): Decision {
  const existing = checkWritable(current, command);
  const contact: Contact = {
    ...existing,
    version: existing.version + 1,
    updatedAt: now,
    deletedAt: now,
  };
  return { contact, events: [{ type: CONTACT_EVENT_TYPES.deleted, contact }] };
}

/**
 * Appends a consent record to the history and, unless a later-captured record exists for the
 * channel, makes it current. Consent is recorded against the latest version (no expected
 * version: a sign-up form cannot know it); the caller retries on a concurrent write.
 */
/**
 * Appends a consent record with the given id. A record with that id already in the history
 * is a retry of the same request (the id comes from its idempotency key): it is answered
 * again, unchanged, with no write; the same key for a different consent is refused.
 */
export function decideRecordConsent(
  current: Contact | undefined,
  command: RecordConsentCommand,
  context: { now: string; recordId: string },
): Decision & { record: ConsentRecord } {
  if (!current || current.tenantId !== command.tenantId || current.id !== command.id) {
    throw ContactError.notFound(command.id);
  }
  const stored = current.consentHistory.find((r) => r.id === context.recordId);
  if (stored) {
    if (!isSameConsentRequest(stored, command.consent)) {
      throw new ContactError(
        ContactErrorCode.FAILED_PRECONDITION,
        `the idempotency key of consent ${context.recordId} was used for a different consent`,
      );
    }
    return { contact: current, record: stored, events: [] };
  }
  if (current.deletedAt) throw ContactError.alreadyDeleted(command.id);
  const { record, errors } = toConsentRecord(command.consent, {
    id: context.recordId,
    now: context.now,
    ...(command.userId ? { recordedBy: command.userId } : {}),
  });
  if (!record) throw ContactError.validation(errors);
  const contact: Contact = {
    ...current,
    version: current.version + 1,
    communication: applyConsentRecord(current.communication, record),
    consentHistory: [...current.consentHistory, record],
    updatedAt: context.now,
  };
  return {
    contact,
    record,
    events: [{ type: CONTACT_EVENT_TYPES.consentChanged, contact, record }],
  };
}

/** The top-level fields whose values differ, in CHANGEABLE_FIELDS order. */
export function changedContactFields(before: Contact, after: Contact): ChangeableField[] {
  return CHANGEABLE_FIELDS.filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
}

/**
 * Existence, tenant, soft delete and version, in that order: a deleted contact answers
 * ALREADY_DELETED even to a stale version, because refreshing would not help the caller.
 */
function checkWritable(
  current: Contact | undefined,
  command: { id: string; tenantId: string; expectedVersion: number; expectedKind?: ContactKind },
): Contact {
  if (!current || current.tenantId !== command.tenantId || current.id !== command.id) {
    throw ContactError.notFound(command.id);
  }
  // Through /v1/organizations a person does not exist (and the other way round); a caller
  // naming the kind reads a deleted record as absent too, as GetContact does.
  if (command.expectedKind && (current.kind !== command.expectedKind || current.deletedAt)) {
    throw ContactError.notFound(command.id);
  }
  if (current.deletedAt) throw ContactError.alreadyDeleted(command.id);
  if (!Number.isSafeInteger(command.expectedVersion) || command.expectedVersion < 1) {
    throw ContactError.validation([
      { field: 'expectedVersion', message: 'must be the version you read (1 or more)' },
    ]);
  }
  if (command.expectedVersion !== current.version) {
    throw ContactError.versionConflict(command.id, command.expectedVersion, current.version);
  }
  return current;
}

function withDerivedNames(
  kind: ContactKind,
  fields: ContactFields,
): ContactFields & { displayName: string; searchNames: string[] } {
  const displayName = deriveDisplayName(kind, fields.person, fields.organization);
  return {
    ...fields,
    displayName,
    searchNames: deriveSearchNames(displayName, fields.person, fields.organization),
  };
}

/**
 * Identity, lifecycle, consent and the inherited household address (which updates never
 * change), so no stale optional field survives an update.
 */
function baseOf(
  contact: Contact,
): Pick<
  Contact,
  | 'id'
  | 'tenantId'
  | 'kind'
  | 'createdAt'
  | 'communication'
  | 'consentHistory'
  | 'mergedFrom'
  | 'householdAddress'
> {
  return {
    ...(contact.mergedFrom ? { mergedFrom: contact.mergedFrom } : {}),
    ...(contact.householdAddress ? { householdAddress: contact.householdAddress } : {}),
    id: contact.id,
    tenantId: contact.tenantId,
    kind: contact.kind,
    communication: contact.communication,
    consentHistory: contact.consentHistory,
    createdAt: contact.createdAt,
  };
}
