// A tenant's stored relationship types (its own and its overrides of built-ins), written
// through the outbox with @kith/aggregate-store like every aggregate. The collection holds a
// few documents per tenant.
import {
  findOwned,
  insertVersioned,
  updateVersioned,
  type AggregateStore,
} from '@kith/aggregate-store';
import { InsertBatcher, type Outbox, type OutboxItem, type OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
import { relationshipTypeId, type RelationshipType } from '../domain/relationship-type';
import { RelationshipTypeError } from '../domain/relationship-type-error';
import { toRelationshipType, toRelationshipTypeDocument } from './relationship-document.mapper';
import { RELATIONSHIP_TYPES_COLLECTION, type RelationshipTypeDocument } from './relationship.model';

export interface StoredRelationshipType {
  relationshipType: RelationshipType;
  outboxLog: OutboxLogRecord[];
}

export class RelationshipTypeRepository {
  private readonly store: AggregateStore<RelationshipTypeDocument>;

  constructor(db: mongo.Db, outbox: Outbox) {
    const collection = db.collection<RelationshipTypeDocument>(RELATIONSHIP_TYPES_COLLECTION);
    this.store = { collection, outbox, inserts: new InsertBatcher(collection) };
  }

  /** The tenant's stored type with this code: an exact `_id` lookup. */
  async find(tenantId: string, code: string): Promise<StoredRelationshipType | undefined> {
    const doc = await findOwned(
      this.store.collection,
      tenantId,
      relationshipTypeId(tenantId, code),
    );
    return doc && { relationshipType: toRelationshipType(doc), outboxLog: doc._outboxLog ?? [] };
  }

  /** Every stored type of the tenant (a handful; a scan on FerretDB, an index on MongoDB). */
  async listForTenant(tenantId: string): Promise<RelationshipType[]> {
    const docs = await this.store.collection
      .find({ tenantId }, { projection: { _outboxLog: 0 } })
      .sort({ code: 1 })
      .toArray();
    return docs.map(toRelationshipType);
  }

  /**
   * The first stored version of a type: a new tenant type (version 1) or the first override
   * of a built-in (version 2). A taken `_id` means someone else wrote it first.
   */
  insert(type: RelationshipType, items: OutboxItem[]): Promise<void> {
    const lost = () =>
      type.version === 1
        ? RelationshipTypeError.alreadyExists(`relationship type ${type.code} exists`)
        : RelationshipTypeError.versionConflict(type.code, type.version - 1);
    const state = toRelationshipTypeDocument(type, relationshipTypeId(type.tenantId, type.code));
    return insertVersioned(this.store, state, { items, conflict: lost, duplicate: lost });
  }

  update(
    type: RelationshipType,
    expectedVersion: number,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    const state = toRelationshipTypeDocument(type, relationshipTypeId(type.tenantId, type.code));
    return updateVersioned(this.store, state, {
      expectedVersion,
      outboxLog,
      items,
      conflict: () => RelationshipTypeError.versionConflict(type.code, expectedVersion),
    });
  }
}
