// kith.contact.v1 relationship messages <-> domain types. Proto3 sends '' for "not set";
// the domain treats empty as absent.
import type { relationshipV1 } from '@kith/contracts';
import { maskedFields } from '@kith/grpc-kit';
import type { ContactKind } from '../domain/contact';
import { RelationshipError } from '../domain/relationship-error';
import { RelationshipTypeError } from '../domain/relationship-type-error';
import type { RelationshipView } from '../domain/relationship';
import type { RelationshipType } from '../domain/relationship-type';
import type { RelationshipFieldsInput } from '../domain/relationship-validation';
import type { TypedRelationship } from '../app/relationship.service';

export function relationshipFieldsFromProto(
  fields: relationshipV1.RelationshipFields__Output | null,
): RelationshipFieldsInput {
  if (!fields) return {};
  return {
    startDate: fields.startDate,
    endDate: fields.endDate,
    description: fields.description,
  };
}

/** '' means any kind; anything else must be person or organization. */
export function contactKindFilterFromProto(kind: string): ContactKind | undefined {
  if (kind === '') return undefined;
  if (kind === 'person' || kind === 'organization') return kind;
  throw RelationshipError.validation([
    { field: 'contactKind', message: 'must be person or organization' },
  ]);
}

export function relationshipToProto(typed: TypedRelationship): relationshipV1.Relationship {
  const { relationship, type, active } = typed;
  return {
    id: relationship.id,
    tenantId: relationship.tenantId,
    version: String(relationship.version),
    typeCode: relationship.typeCode,
    labelAToB: type.labelAToB,
    labelBToA: type.labelBToA,
    symmetric: type.symmetric,
    contactAId: relationship.contactAId,
    contactBId: relationship.contactBId,
    startDate: relationship.startDate ?? '',
    endDate: relationship.endDate ?? '',
    description: relationship.description ?? '',
    active,
    createdAt: relationship.createdAt,
    updatedAt: relationship.updatedAt,
    deletedAt: relationship.deletedAt ?? '',
  };
}

export function relationshipTypeToProto(type: RelationshipType): relationshipV1.RelationshipType {
  return {
    code: type.code,
    labelAToB: type.labelAToB,
    labelBToA: type.labelBToA,
    contactKindA: type.contactKindA,
    contactKindB: type.contactKindB,
    symmetric: type.symmetric,
    active: type.active,
    builtIn: type.builtIn,
    version: String(type.version),
    createdAt: type.createdAt ?? '',
    updatedAt: type.updatedAt ?? '',
  };
}

export function contactRelationshipToProto(
  view: RelationshipView,
  type: TypedRelationship['type'],
): relationshipV1.ContactRelationship {
  return {
    relationship: relationshipToProto({
      relationship: view.relationship,
      type,
      active: view.active,
    }),
    contactId: view.contactId,
    side: view.side === 'a' ? 'RELATIONSHIP_SIDE_A' : 'RELATIONSHIP_SIDE_B',
    label: view.label,
    otherContactId: view.other.id,
    otherContactKind: view.other.kind,
    otherDisplayName: view.other.displayName,
  };
}

const TYPE_MASKABLE = ['labelAToB', 'labelBToA', 'active'] as const;

/** The change a type update asks for: only masked fields; kinds and symmetry cannot change. */
export function typeChangeFromProto(req: relationshipV1.UpsertRelationshipTypeRequest__Output): {
  labelAToB?: string;
  labelBToA?: string;
  active?: boolean;
} {
  const { fields, unknown } = maskedFields(req.updateMask?.paths ?? [], TYPE_MASKABLE);
  if (fields.length === 0 || unknown.length > 0) {
    throw RelationshipTypeError.validation([
      {
        field: 'updateMask',
        message: 'name label_a_to_b, label_b_to_a or active (kinds and symmetry never change)',
      },
    ]);
  }
  const change: { labelAToB?: string; labelBToA?: string; active?: boolean } = {};
  for (const field of fields) {
    if (field === 'active') change.active = req.active;
    else change[field] = req[field];
  }
  return change;
}
