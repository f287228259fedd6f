// The records that mention one contact besides the contact itself: every household that lists
// them (current or past member, deleted households included) and every relationship on
// either side (deleted included). Subject access exports them and erasure scrubs them, both
// rare, so the scans are acceptable: on FerretDB 1.x each filter reads the whole collection
// once; on MongoDB the `{tenantId, members.contactId}` and `{tenantId, contactIds}` indexes
// serve them.
import type { OutboxLogRecord } from '@kith/bus';
import type { Household } from '../domain/household';
import type { Relationship } from '../domain/relationship';
import { toHousehold } from './household-document.mapper';
import type { mongo } from 'mongoose';
import type { HouseholdDocument } from './household.model';
import { toRelationship } from './relationship-document.mapper';
import type { RelationshipDocument, RelationshipModels } from './relationship.model';

export interface Versioned<T> {
  record: T;
  outboxLog: OutboxLogRecord[];
}

export class PersonalDataReader {
  constructor(
    private readonly households: mongo.Collection<HouseholdDocument>,
    private readonly relationships: RelationshipModels['relationships'],
  ) {}

  async householdsOf(tenantId: string, contactId: string): Promise<Array<Versioned<Household>>> {
    const docs = await this.households
      .find({ tenantId, 'members.contactId': contactId })
      .sort({ _id: 1 })
      .toArray();
    return docs.map((doc) => ({ record: toHousehold(doc), outboxLog: doc._outboxLog ?? [] }));
  }

  async relationshipsOf(
    tenantId: string,
    contactId: string,
  ): Promise<Array<Versioned<Relationship>>> {
    const docs = await this.relationships
      .find({ tenantId, contactIds: contactId })
      .sort({ _id: 1 })
      .lean<RelationshipDocument[]>()
      .exec();
    return docs.map((doc) => ({ record: toRelationship(doc), outboxLog: doc._outboxLog ?? [] }));
  }
}
