// What the contact service publishes about custom field definitions: kith.custom-field.*.v1
// on kith.contact.v1, keyed by the definition id so one definition's events stay in order.
import { outboxItems, type OutboxItem } from '@kith/bus';
import { CONTACT_SOURCE, TOPICS, type CustomFieldSnapshot } from '@kith/events';
import type { Context } from '@opentelemetry/api';
import type { CustomFieldDefinition } from '../domain/custom-field';
import type { CustomFieldEvent } from '../domain/custom-field-decisions';

export function toCustomFieldSnapshot(d: CustomFieldDefinition): CustomFieldSnapshot {
  const snapshot: CustomFieldSnapshot = {
    id: d.id,
    tenantId: d.tenantId,
    recordType: d.recordType,
    key: d.key,
    label: d.label,
    type: d.type,
    required: d.required,
    options: d.options.map((o) => ({ ...o })),
    validation: { ...d.validation },
    archived: d.archived,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
  if (d.description) snapshot.description = d.description;
  return snapshot;
}

function eventData(event: CustomFieldEvent): unknown {
  const customField = toCustomFieldSnapshot(event.definition);
  return event.type === 'kith.custom-field.defined.v1'
    ? { customField, change: event.change, changedFields: [...event.changedFields] }
    : { customField };
}

/** Envelopes for the outbox, carrying the active (request) trace context. */
export function toCustomFieldOutboxItems(
  events: readonly CustomFieldEvent[],
  traceContext?: Context,
): OutboxItem[] {
  const described = events.map((event) => ({
    type: event.type,
    key: event.definition.id,
    tenantId: event.definition.tenantId,
    time: event.definition.updatedAt,
    data: eventData(event),
  }));
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, described, traceContext);
}
