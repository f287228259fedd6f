// Loads what the exact-key import matcher needs, once per import job: one lean projection
// scan of the tenant's live contacts of one kind, read through a cursor (never one array of
// 100k documents). On FerretDB 1.x any non-_id filter reads the whole collection, so this is
// the one full read an import pays; rows are matched in memory afterwards.
import type { ContactKind } from '../domain/contact';
import {
  ExactKeyMatcher,
  type ImportMatcher,
  type ImportMatcherFactory,
} from '../domain/import-matcher';
import type { ContactDocument, ContactModel } from './contact.model';

export class ExactKeyMatcherFactory implements ImportMatcherFactory {
  constructor(private readonly model: ContactModel) {}

  async prepare(tenantId: string, kind: ContactKind): Promise<ImportMatcher> {
    const matcher = new ExactKeyMatcher();
    const cursor = this.model.collection.find<Pick<ContactDocument, '_id' | 'emails' | 'phones'>>(
      { tenantId, kind, deletedAt: null },
      { projection: { _id: 1, emails: 1, phones: 1 }, batchSize: 5000 },
    );
    for await (const doc of cursor) {
      matcher.remember(doc._id, { emails: doc.emails ?? [], phones: doc.phones ?? [] });
    }
    return matcher;
  }
}
