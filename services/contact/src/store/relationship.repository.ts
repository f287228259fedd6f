// Reads and writes relationships through the outbox, and the pair claims that keep a
// relationship unique while current (domain/relationship-claim.ts).
import { InsertBatcher, retryTransient, type Outbox, type OutboxItem } from '@kith/bus';
import type { OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
import { RelationshipError } from '../domain/relationship-error';
import type { Relationship, RelationshipListQuery } from '../domain/relationship';
import type { RelationshipClaim } from '../domain/relationship-claim';
import {
  OPTIONAL_RELATIONSHIP_FIELDS,
  toRelationship,
  toRelationshipDocument,
} from './relationship-document.mapper';
import {
  RELATIONSHIP_CLAIMS_COLLECTION,
  RELATIONSHIPS_COLLECTION,
  type RelationshipClaimDocument,
  type RelationshipDocument,
  type RelationshipModels,
} from './relationship.model';
import { isDuplicateKey, writeThroughOutbox } from './relationship-outbox.util';

export interface StoredRelationship {
  relationship: Relationship;
  outboxLog: OutboxLogRecord[];
}

const WITHOUT_OUTBOX = { _outboxLog: 0 } as const;

function conflict(id: string, expected: number): RelationshipError {
  return RelationshipError.versionConflict(id, expected);
}

export class RelationshipRepository {
  private readonly inserts: InsertBatcher<RelationshipDocument>;
  private readonly claims: mongo.Collection<RelationshipClaimDocument>;

  constructor(
    private readonly models: RelationshipModels,
    private readonly outbox: Outbox,
  ) {
    // The driver's collections, typed with our string ids (mongoose types them with ObjectId).
    const connection = models.relationships.db;
    const db = connection.getClient().db(connection.name);
    this.inserts = new InsertBatcher(db.collection<RelationshipDocument>(RELATIONSHIPS_COLLECTION));
    this.claims = db.collection<RelationshipClaimDocument>(RELATIONSHIP_CLAIMS_COLLECTION);
  }

  /** By `_id` alone (the one filter FerretDB pushes down); the tenant is checked here. */
  async findById(tenantId: string, id: string): Promise<StoredRelationship | undefined> {
    const doc = await this.models.relationships
      .findOne({ _id: id })
      .lean<RelationshipDocument>()
      .exec();
    if (!doc || doc.tenantId !== tenantId) return undefined;
    return { relationship: toRelationship(doc), outboxLog: doc._outboxLog ?? [] };
  }

  async insert(relationship: Relationship, items: OutboxItem[]): Promise<void> {
    await writeThroughOutbox(
      this.outbox,
      this.target(relationship, items),
      async (staged) => {
        await this.inserts.insert({
          ...toRelationshipDocument(relationship),
          _outboxLog: staged.outboxLog([]),
        });
      },
      () => conflict(relationship.id, 0),
    );
  }

  async update(
    relationship: Relationship,
    expectedVersion: number,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    const { _id: _ignored, ...state } = toRelationshipDocument(relationship);
    const unset = Object.fromEntries(
      OPTIONAL_RELATIONSHIP_FIELDS.filter((f) => relationship[f] === undefined).map((f) => [f, 1]),
    );
    await writeThroughOutbox(
      this.outbox,
      this.target(relationship, items),
      async (staged) => {
        const result = await retryTransient(() =>
          this.models.relationships
            .updateOne(
              { _id: relationship.id, tenantId: relationship.tenantId, version: expectedVersion },
              {
                $set: { ...state, _outboxLog: staged.outboxLog(outboxLog) },
                ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
              },
            )
            .exec(),
        );
        if (result.matchedCount === 0) throw conflict(relationship.id, expectedVersion);
      },
      () => conflict(relationship.id, expectedVersion),
    );
  }

  /**
   * One page of a contact's relationships (either side) in id order. On MongoDB the
   * `{tenantId, contactIds, _id}` index serves it; FerretDB 1.x scans the collection.
   */
  async listForContact(
    query: RelationshipListQuery,
  ): Promise<{ relationships: Relationship[]; hasMore: boolean }> {
    const filter: Record<string, unknown> = {
      tenantId: query.tenantId,
      contactIds: query.contactId,
      deletedAt: null,
    };
    if (query.afterId) filter._id = { $gt: query.afterId };
    if (query.typeCode) filter.typeCode = query.typeCode;
    if (!query.includeInactive) filter.$or = [{ endDate: null }, { endDate: { $gt: query.today } }];
    const docs = await this.models.relationships
      .find(filter, WITHOUT_OUTBOX)
      .sort({ _id: 1 })
      .limit(query.pageSize + 1)
      .lean<RelationshipDocument[]>()
      .exec();
    return {
      relationships: docs.slice(0, query.pageSize).map(toRelationship),
      hasMore: docs.length > query.pageSize,
    };
  }

  /** Inserts the claim; false when the `_id` is taken (someone holds the pair). */
  async insertClaim(claim: RelationshipClaim): Promise<boolean> {
    try {
      await retryTransient(() =>
        this.claims.insertOne({
          _id: claim.id,
          tenantId: claim.tenantId,
          relationshipId: claim.relationshipId,
          claimedAt: claim.claimedAt,
        }),
      );
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async findClaim(id: string): Promise<RelationshipClaim | undefined> {
    const doc = await this.models.claims.findOne({ _id: id }).lean<RelationshipClaimDocument>();
    if (!doc) return undefined;
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      relationshipId: doc.relationshipId,
      claimedAt: doc.claimedAt,
    };
  }

  /** Deletes the claim only if `relationshipId` still holds it. */
  async releaseClaim(id: string, relationshipId: string): Promise<void> {
    await retryTransient(() => this.models.claims.deleteOne({ _id: id, relationshipId }).exec());
  }

  private target(relationship: Relationship, items: OutboxItem[]) {
    return {
      collection: RELATIONSHIPS_COLLECTION,
      aggregateId: relationship.id,
      version: relationship.version,
      items,
    };
  }
}
