// Stored document <-> domain definition. Optional fields are left out rather than null.
import type { CustomFieldDefinition } from '../domain/custom-field';
import type { CustomFieldDocument } from './custom-field.model';

type StateFields = Omit<CustomFieldDocument, '_outboxLog'>;

export function toCustomField(doc: StateFields): CustomFieldDefinition {
  const definition: CustomFieldDefinition = {
    id: doc._id,
    tenantId: doc.tenantId,
    recordType: doc.recordType,
    key: doc.key,
    label: doc.label,
    type: doc.type,
    required: doc.required,
    options: (doc.options ?? []).map(({ value, label, active }) => ({ value, label, active })),
    validation: { ...(doc.validation ?? {}) },
    archived: doc.archived,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.description) definition.description = doc.description;
  return definition;
}

export function toCustomFieldState(d: CustomFieldDefinition): StateFields {
  const doc: StateFields = {
    _id: d.id,
    tenantId: d.tenantId,
    recordType: d.recordType,
    key: d.key,
    label: d.label,
    type: d.type,
    required: d.required,
    options: d.options,
    validation: d.validation,
    archived: d.archived,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
  if (d.description) doc.description = d.description;
  return doc;
}
