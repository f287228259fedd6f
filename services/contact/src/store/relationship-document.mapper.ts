// Stored documents <-> domain relationships and relationship types. Optional fields are
// left out rather than set to undefined, so domain equality checks stay clean.
import type { Relationship } from '../domain/relationship';
import type { RelationshipType } from '../domain/relationship-type';
import type { RelationshipDocument, RelationshipTypeDocument } from './relationship.model';

type RelationshipState = Omit<RelationshipDocument, '_outboxLog'>;
type TypeState = Omit<RelationshipTypeDocument, '_outboxLog'>;

export function toRelationship(doc: RelationshipState): Relationship {
  const relationship: Relationship = {
    id: doc._id,
    tenantId: doc.tenantId,
    version: doc.version,
    typeCode: doc.typeCode,
    contactAId: doc.contactAId,
    contactBId: doc.contactBId,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.startDate) relationship.startDate = doc.startDate;
  if (doc.endDate) relationship.endDate = doc.endDate;
  if (doc.description) relationship.description = doc.description;
  if (doc.deletedAt) relationship.deletedAt = doc.deletedAt;
  return relationship;
}

export function toRelationshipDocument(relationship: Relationship): RelationshipState {
  const doc: RelationshipState = {
    _id: relationship.id,
    tenantId: relationship.tenantId,
    version: relationship.version,
    typeCode: relationship.typeCode,
    contactAId: relationship.contactAId,
    contactBId: relationship.contactBId,
    contactIds: [relationship.contactAId, relationship.contactBId],
    endDate: relationship.endDate ?? null,
    createdAt: relationship.createdAt,
    updatedAt: relationship.updatedAt,
    deletedAt: relationship.deletedAt ?? null,
  };
  if (relationship.startDate) doc.startDate = relationship.startDate;
  if (relationship.description) doc.description = relationship.description;
  return doc;
}

/** Optional fields an update must $unset when the new state lacks them. */
export const OPTIONAL_RELATIONSHIP_FIELDS = ['startDate', 'description'] as const;

export function toRelationshipType(doc: TypeState): RelationshipType {
  return {
    tenantId: doc.tenantId,
    code: doc.code,
    labelAToB: doc.labelAToB,
    labelBToA: doc.labelBToA,
    contactKindA: doc.contactKindA,
    contactKindB: doc.contactKindB,
    symmetric: doc.symmetric,
    active: doc.active,
    builtIn: doc.builtIn,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toRelationshipTypeDocument(type: RelationshipType, id: string): TypeState {
  // A stored type always has times: decisions set them on its first write.
  const at = type.updatedAt ?? type.createdAt ?? '';
  return {
    _id: id,
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
    createdAt: type.createdAt ?? at,
    updatedAt: at,
  };
}
