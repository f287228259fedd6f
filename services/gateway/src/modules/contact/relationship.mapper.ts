// The REST shapes of relationships and relationship types, and the pure mapping from the
// contact service's proto messages. Empty strings from proto3 become null: every key is
// always present.
import type { relationshipV1 } from '@kith/contracts';
import type { z } from 'zod';
import type {
  ContactRelationshipSchema,
  RelationshipSchema,
  RelationshipTypeSchema,
} from './relationship.schema';

export type RelationshipTypeResource = z.output<typeof RelationshipTypeSchema>;
export type RelationshipResource = z.output<typeof RelationshipSchema>;
/** One row of a contact's relationships, read from that contact's side. */
export type ContactRelationshipResource = z.output<typeof ContactRelationshipSchema>;

function orNull(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

export function toRelationshipTypeResource(
  type: relationshipV1.RelationshipType__Output,
): RelationshipTypeResource {
  return {
    code: type.code,
    labelAToB: type.labelAToB,
    labelBToA: type.labelBToA,
    contactKindA: type.contactKindA,
    contactKindB: type.contactKindB,
    symmetric: type.symmetric,
    active: type.active,
    builtIn: type.builtIn,
    version: Number(type.version),
    createdAt: orNull(type.createdAt),
    updatedAt: orNull(type.updatedAt),
  };
}

export function toRelationshipResource(
  r: relationshipV1.Relationship__Output,
): RelationshipResource {
  return {
    id: r.id,
    version: Number(r.version),
    typeCode: r.typeCode,
    labelAToB: r.labelAToB,
    labelBToA: r.labelBToA,
    symmetric: r.symmetric,
    contactAId: r.contactAId,
    contactBId: r.contactBId,
    startDate: orNull(r.startDate),
    endDate: orNull(r.endDate),
    description: orNull(r.description),
    active: r.active,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: orNull(r.deletedAt),
  };
}

export function toContactRelationshipResource(
  row: relationshipV1.ContactRelationship__Output,
): ContactRelationshipResource {
  // proto3 messages are never absent on the wire; a missing one is an upstream bug.
  if (!row.relationship) throw new Error('contact service answered a row without a relationship');
  const r = toRelationshipResource(row.relationship);
  return {
    id: r.id,
    version: r.version,
    typeCode: r.typeCode,
    label: row.label,
    side: row.side === 'RELATIONSHIP_SIDE_A' ? 'a' : 'b',
    otherContact: {
      id: row.otherContactId,
      kind: row.otherContactKind === 'organization' ? 'organization' : 'person',
      displayName: row.otherDisplayName,
    },
    startDate: r.startDate,
    endDate: r.endDate,
    description: r.description,
    active: r.active,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
