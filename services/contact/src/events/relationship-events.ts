// What relationship changes publish on kith.contact.v1: kith.relationship.*.v1 keyed by the
// relationship id, and kith.relationship-type.changed.v1 keyed by "<tenantId>:<code>". A
// relationship's snapshot carries its type's labels as they read at the time of the change,
// so a consumer can show "Ada employee of Acme" without the catalogue.
import { outboxItems, type OutboxItem } from '@kith/bus';
import {
  CONTACT_SOURCE,
  TOPICS,
  type RelationshipSnapshot,
  type RelationshipTypeSnapshot,
} from '@kith/events';
import type { Context } from '@opentelemetry/api';
import type { Relationship } from '../domain/relationship';
import type { RelationshipEvent } from '../domain/relationship-decisions';
import type { RelationshipTypeEvent } from '../domain/relationship-type-decisions';
import {
  relationshipTypeId,
  type RelationshipType,
  type RelationshipTypeDefinition,
} from '../domain/relationship-type';

export function toRelationshipSnapshot(
  relationship: Relationship,
  type: Pick<RelationshipTypeDefinition, 'labelAToB' | 'labelBToA' | 'symmetric'>,
): RelationshipSnapshot {
  const snapshot: RelationshipSnapshot = {
    id: relationship.id,
    tenantId: relationship.tenantId,
    version: relationship.version,
    typeCode: relationship.typeCode,
    labelAToB: type.labelAToB,
    labelBToA: type.labelBToA,
    symmetric: type.symmetric,
    contactAId: relationship.contactAId,
    contactBId: relationship.contactBId,
    createdAt: relationship.createdAt,
    updatedAt: relationship.updatedAt,
  };
  if (relationship.startDate) snapshot.startDate = relationship.startDate;
  if (relationship.endDate) snapshot.endDate = relationship.endDate;
  if (relationship.description) snapshot.description = relationship.description;
  if (relationship.deletedAt) snapshot.deletedAt = relationship.deletedAt;
  return snapshot;
}

export function toRelationshipTypeSnapshot(type: RelationshipType): RelationshipTypeSnapshot {
  const snapshot: RelationshipTypeSnapshot = {
    tenantId: type.tenantId,
    code: type.code,
    labelAToB: type.labelAToB,
    labelBToA: type.labelBToA,
    contactKindA: type.contactKindA,
    contactKindB: type.contactKindB,
    symmetric: type.symmetric,
    active: type.active,
    builtIn: type.builtIn,
    version: type.version,
  };
  if (type.createdAt) snapshot.createdAt = type.createdAt;
  if (type.updatedAt) snapshot.updatedAt = type.updatedAt;
  return snapshot;
}

/** Envelopes for the outbox, in the trace active now (the gRPC request's). */
export function relationshipOutboxItems(
  events: readonly RelationshipEvent[],
  type: Pick<RelationshipTypeDefinition, 'labelAToB' | 'labelBToA' | 'symmetric'>,
  traceContext?: Context,
): OutboxItem[] {
  const described = events.map((event) => {
    const relationship = toRelationshipSnapshot(event.relationship, type);
    const data =
      event.type === 'kith.relationship.updated.v1'
        ? { relationship, changedFields: [...event.changedFields] }
        : { relationship };
    return {
      type: event.type,
      key: event.relationship.id,
      tenantId: event.relationship.tenantId,
      time: event.relationship.updatedAt,
      data,
    };
  });
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, described, traceContext);
}

export function relationshipTypeOutboxItems(
  events: readonly RelationshipTypeEvent[],
  time: string,
  traceContext?: Context,
): OutboxItem[] {
  const described = events.map((event) => ({
    type: event.type,
    key: relationshipTypeId(event.relationshipType.tenantId, event.relationshipType.code),
    tenantId: event.relationshipType.tenantId,
    time,
    data: {
      relationshipType: toRelationshipTypeSnapshot(event.relationshipType),
      change: event.change,
      changedFields: [...event.changedFields],
    },
  }));
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, described, traceContext);
}
