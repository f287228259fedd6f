// Relationships through @kith/aggregate-store: `_id` reads, versioned writes through the outbox
// (creates group-committed), and the pair claims that keep a relationship unique while current
// (domain/relationship-claim.ts judges one found in the way).
import {
  claimUnique,
  findOwned,
  insertVersioned,
  listAfterCursor,
  releaseClaim,
  updateVersioned,
  type AggregateStore,
} from '@kith/aggregate-store';
import { InsertBatcher, type Outbox, type OutboxItem, type OutboxLogRecord } from '@kith/bus';
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
} from './relationship.model';

export interface StoredRelationship {
  relationship: Relationship;
  outboxLog: OutboxLogRecord[];
}

export class RelationshipRepository {
  private readonly store: AggregateStore<RelationshipDocument>;
  private readonly claims: mongo.Collection<RelationshipClaimDocument>;

  constructor(db: mongo.Db, outbox: Outbox) {
    const collection = db.collection<RelationshipDocument>(RELATIONSHIPS_COLLECTION);
    this.store = { collection, outbox, inserts: new InsertBatcher(collection) };
    this.claims = db.collection<RelationshipClaimDocument>(RELATIONSHIP_CLAIMS_COLLECTION);
  }

  async findById(tenantId: string, id: string): Promise<StoredRelationship | undefined> {
    const doc = await findOwned(this.store.collection, tenantId, id);
    return doc && { relationship: toRelationship(doc), outboxLog: doc._outboxLog ?? [] };
  }

  insert(relationship: Relationship, items: OutboxItem[]): Promise<void> {
    return insertVersioned(this.store, toRelationshipDocument(relationship), {
      items,
      conflict: () => RelationshipError.versionConflict(relationship.id, 0),
    });
  }

  update(
    relationship: Relationship,
    expectedVersion: number,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    return updateVersioned(this.store, toRelationshipDocument(relationship), {
      expectedVersion,
      outboxLog,
      items,
      optionalFields: OPTIONAL_RELATIONSHIP_FIELDS,
      conflict: () => RelationshipError.versionConflict(relationship.id, expectedVersion),
    });
  }

  /**
   * One page of a contact's relationships (either side) in id order. On MongoDB the
   * `{tenantId, contactIds, _id}` index serves it; FerretDB 1.x scans the collection.
   */
  async listForContact(
    query: RelationshipListQuery,
  ): Promise<{ relationships: Relationship[]; hasMore: boolean }> {
    const filter: Record<string, unknown> = { contactIds: query.contactId, deletedAt: null };
    if (query.typeCode) filter.typeCode = query.typeCode;
    if (!query.includeInactive) filter.$or = [{ endDate: null }, { endDate: { $gt: query.today } }];
    const { items, hasMore } = await listAfterCursor(this.store.collection, {
      tenantId: query.tenantId,
      filter,
      pageSize: query.pageSize,
      afterId: query.afterId,
    });
    return { relationships: items.map(toRelationship), hasMore };
  }

  /**
   * Takes the pair's claim for `claim.relationshipId`: true if inserted, already its own, or
   * taken over from a claim `isStale` judges stale; false if another relationship holds it.
   */
  async claimPair(
    claim: RelationshipClaim,
    isStale: (held: RelationshipClaim) => Promise<boolean>,
  ): Promise<boolean> {
    const { id, ...fields } = claim;
    const result = await claimUnique(
      this.claims,
      { _id: id, ...fields },
      {
        owner: 'relationshipId',
        claimedAt: 'claimedAt',
        isStale: ({ _id, ...held }) => isStale({ id: _id, ...held }),
      },
    );
    return result.claimed;
  }

  /** Frees the claim only if `relationshipId` still holds it. */
  async releaseClaim(id: string, relationshipId: string): Promise<void> {
    await releaseClaim(this.claims, id, { relationshipId });
  }
}
