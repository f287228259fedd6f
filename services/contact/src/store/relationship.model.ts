// How relationships, tenant relationship types and pair claims are stored. Three
// collections in the contact service's database, so the outbox relay resolves their
// intents the same way it resolves contacts' (by `_id` in the named collection).
import { Schema, type Connection, type Model } from 'mongoose';
import type { OutboxLogRecord } from '@kith/bus';
import type { RelationshipContactKind } from '../domain/relationship-type';

export const RELATIONSHIPS_COLLECTION = 'relationships';
export const RELATIONSHIP_TYPES_COLLECTION = 'relationship_types';
export const RELATIONSHIP_CLAIMS_COLLECTION = 'relationship_claims';

export interface RelationshipDocument {
  _id: string;
  tenantId: string;
  version: number;
  typeCode: string;
  contactAId: string;
  contactBId: string;
  /** [contactAId, contactBId]: one multikey index finds a contact's relationships on either side. */
  contactIds: string[];
  startDate?: string;
  /** null (not absent) while open, so `{ endDate: null }` reads the same on every server. */
  endDate: string | null;
  description?: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  _outboxLog?: OutboxLogRecord[];
}

export interface RelationshipTypeDocument {
  /** `<tenantId>:<code>` */
  _id: string;
  tenantId: string;
  code: string;
  labelAToB: string;
  labelBToA: string;
  contactKindA: RelationshipContactKind;
  contactKindB: RelationshipContactKind;
  symmetric: boolean;
  active: boolean;
  /** True for a tenant's override of a built-in type. */
  builtIn: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  _outboxLog?: OutboxLogRecord[];
}

export interface RelationshipClaimDocument {
  /** `<tenantId>:<typeCode>:<contactAId>:<contactBId>` (pairClaimId) */
  _id: string;
  tenantId: string;
  relationshipId: string;
  claimedAt: string;
}

const KINDS = ['person', 'organization', 'any'];

export const relationshipSchema = new Schema<RelationshipDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    typeCode: { type: String, required: true },
    contactAId: { type: String, required: true },
    contactBId: { type: String, required: true },
    contactIds: { type: [String], required: true },
    startDate: String,
    endDate: { type: String, default: null },
    description: String,
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    deletedAt: { type: String, default: null },
    _outboxLog: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: RELATIONSHIPS_COLLECTION, versionKey: false, autoIndex: false },
);

// For MongoDB: a contact's relationships (either side) in id order. FerretDB 1.x scans the
// collection for this query whatever the index (docs/architecture.md).
relationshipSchema.index({ tenantId: 1, contactIds: 1, _id: 1 });
relationshipSchema.index({ tenantId: 1, typeCode: 1 });

export const relationshipTypeSchema = new Schema<RelationshipTypeDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    code: { type: String, required: true },
    labelAToB: { type: String, required: true },
    labelBToA: { type: String, required: true },
    contactKindA: { type: String, enum: KINDS, required: true },
    contactKindB: { type: String, enum: KINDS, required: true },
    symmetric: { type: Boolean, required: true },
    active: { type: Boolean, required: true },
    builtIn: { type: Boolean, required: true },
    version: { type: Number, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    _outboxLog: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: RELATIONSHIP_TYPES_COLLECTION, versionKey: false, autoIndex: false },
);

// A tenant's whole catalogue is read at once (it is small).
relationshipTypeSchema.index({ tenantId: 1, code: 1 });

export const relationshipClaimSchema = new Schema<RelationshipClaimDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    relationshipId: { type: String, required: true },
    claimedAt: { type: String, required: true },
  },
  { collection: RELATIONSHIP_CLAIMS_COLLECTION, versionKey: false, autoIndex: false },
);

// Claims are only ever read by `_id`; this one serves tenant-wide cleanup or erasure.
relationshipClaimSchema.index({ tenantId: 1, relationshipId: 1 });

export interface RelationshipModels {
  relationships: Model<RelationshipDocument>;
  types: Model<RelationshipTypeDocument>;
  claims: Model<RelationshipClaimDocument>;
}

export function relationshipModels(connection: Connection): RelationshipModels {
  return {
    relationships: connection.model<RelationshipDocument>(
      'Relationship',
      relationshipSchema,
      RELATIONSHIPS_COLLECTION,
    ),
    types: connection.model<RelationshipTypeDocument>(
      'RelationshipType',
      relationshipTypeSchema,
      RELATIONSHIP_TYPES_COLLECTION,
    ),
    claims: connection.model<RelationshipClaimDocument>(
      'RelationshipClaim',
      relationshipClaimSchema,
      RELATIONSHIP_CLAIMS_COLLECTION,
    ),
  };
}

export async function ensureRelationshipIndexes(models: RelationshipModels): Promise<void> {
  await models.relationships.createIndexes();
  await models.types.createIndexes();
  await models.claims.createIndexes();
}
