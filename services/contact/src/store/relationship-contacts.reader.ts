// The few contact fields a relationship list shows about the other side, read for a whole
// page in one query (`_id $in`), not one lookup per row: on FerretDB 1.x every lookup
// scans the contacts collection, so one scan per page instead of one per relationship.
import type { RelatedContact } from '../domain/relationship';
import type { ContactDocument, ContactModel } from './contact.model';

export class RelationshipContactsReader {
  constructor(private readonly contacts: ContactModel) {}

  /** Live contacts of the tenant among `ids`, by id; missing, foreign and deleted are left out. */
  async findLive(tenantId: string, ids: readonly string[]): Promise<Map<string, RelatedContact>> {
    const found = new Map<string, RelatedContact>();
    if (ids.length === 0) return found;
    const docs = await this.contacts
      .find(
        { _id: { $in: [...new Set(ids)] } },
        { _id: 1, tenantId: 1, kind: 1, displayName: 1, deletedAt: 1 },
      )
      .lean<
        Array<Pick<ContactDocument, '_id' | 'tenantId' | 'kind' | 'displayName' | 'deletedAt'>>
      >()
      .exec();
    for (const doc of docs) {
      if (doc.tenantId !== tenantId || doc.deletedAt) continue;
      found.set(doc._id, { id: doc._id, kind: doc.kind, displayName: doc.displayName });
    }
    return found;
  }
}
