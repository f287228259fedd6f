// A tenant's stored relationship types (its own and its overrides of built-ins), written
// through the outbox like every aggregate. The collection holds a few documents per tenant.
import { InsertBatcher, retryTransient, type Outbox, type OutboxItem } from '@kith/bus';
import type { OutboxLogRecord } from '@kith/bus';
import { relationshipTypeId, type RelationshipType } from '../domain/relationship-type';
import { RelationshipTypeError } from '../domain/relationship-type-error';
import { toRelationshipType, toRelationshipTypeDocument } from './relationship-document.mapper';
import {
  RELATIONSHIP_TYPES_COLLECTION,
  type RelationshipModels,
  type RelationshipTypeDocument,
} from './relationship.model';
import { isDuplicateKey, writeThroughOutbox } from './relationship-outbox.util';

export interface StoredRelationshipType {
  relationshipType: RelationshipType;
  outboxLog: OutboxLogRecord[];
}

export class RelationshipTypeRepository {
  private readonly inserts: InsertBatcher<RelationshipTypeDocument>;

  constructor(
    private readonly models: RelationshipModels,
    private readonly outbox: Outbox,
  ) {
    const connection = models.types.db;
    this.inserts = new InsertBatcher(
      connection
        .getClient()
        .db(connection.name)
        .collection<RelationshipTypeDocument>(RELATIONSHIP_TYPES_COLLECTION),
    );
  }

  /** The tenant's stored type with this code: an exact `_id` lookup. */
  async find(tenantId: string, code: string): Promise<StoredRelationshipType | undefined> {
    const doc = await this.models.types
      .findOne({ _id: relationshipTypeId(tenantId, code) })
      .lean<RelationshipTypeDocument>()
      .exec();
    if (!doc || doc.tenantId !== tenantId) return undefined;
    return { relationshipType: toRelationshipType(doc), outboxLog: doc._outboxLog ?? [] };
  }

  /** Every stored type of the tenant (a handful; a scan on FerretDB, an index on MongoDB). */
  async listForTenant(tenantId: string): Promise<RelationshipType[]> {
    const docs = await this.models.types
      .find({ tenantId }, { _outboxLog: 0 })
      .sort({ code: 1 })
      .lean<RelationshipTypeDocument[]>()
      .exec();
    return docs.map(toRelationshipType);
  }

  /**
   * The first stored version of a type: a new tenant type (version 1) or the first override
   * of a built-in (version 2). A taken `_id` means someone else wrote it first.
   */
  async insert(type: RelationshipType, items: OutboxItem[]): Promise<void> {
    const id = relationshipTypeId(type.tenantId, type.code);
    const lost = () =>
      type.version === 1
        ? RelationshipTypeError.alreadyExists(`relationship type ${type.code} exists`)
        : RelationshipTypeError.versionConflict(type.code, type.version - 1);
    await writeThroughOutbox(
      this.outbox,
      { collection: RELATIONSHIP_TYPES_COLLECTION, aggregateId: id, version: type.version, items },
      async (staged) => {
        try {
          await this.inserts.insert({
            ...toRelationshipTypeDocument(type, id),
            _outboxLog: staged.outboxLog([]),
          });
        } catch (err) {
          if (isDuplicateKey(err)) throw lost();
          throw err;
        }
      },
      lost,
    );
  }

  async update(
    type: RelationshipType,
    expectedVersion: number,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    const id = relationshipTypeId(type.tenantId, type.code);
    const { _id: _ignored, ...state } = toRelationshipTypeDocument(type, id);
    await writeThroughOutbox(
      this.outbox,
      { collection: RELATIONSHIP_TYPES_COLLECTION, aggregateId: id, version: type.version, items },
      async (staged) => {
        const result = await retryTransient(() =>
          this.models.types
            .updateOne(
              { _id: id, tenantId: type.tenantId, version: expectedVersion },
              { $set: { ...state, _outboxLog: staged.outboxLog(outboxLog) } },
            )
            .exec(),
        );
        if (result.matchedCount === 0)
          throw RelationshipTypeError.versionConflict(type.code, expectedVersion);
      },
      () => RelationshipTypeError.versionConflict(type.code, expectedVersion),
    );
  }
}
