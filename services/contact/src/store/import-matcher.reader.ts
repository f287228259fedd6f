// Loads what the import's rule matcher needs, once per import job: the tenant's matching rules
// (one `_id` read) and one lean projection scan of its contacts of that kind, read through a
// cursor (never one array of 100k documents). On FerretDB 1.x any non-_id filter reads the
// whole collection, so this is the one full read an import pays; rows are matched in memory.
// Deleted contacts come too (their ids and merge survivors only), so the file's `id` column is
// resolved without a read per row.
import type { ContactKind } from '../domain/contact';
import {
  RuleImportMatcher,
  type ImportMatcher,
  type ImportMatcherFactory,
  type MatchableFields,
} from '../domain/import-matcher';
import { effectiveMatchingRules } from '../domain/matching-rules-decisions';
import type { ContactDocument, ContactModel } from './contact.model';
import { MATCH_FIELDS_PROJECTION } from './duplicate-candidates.reader';
import type { MatchingRulesRepository } from './matching-rules.repository';

type MatchFieldsDocument = Pick<
  ContactDocument,
  '_id' | 'person' | 'organization' | 'birthDate' | 'deletedAt' | 'erasedAt' | 'mergedInto'
> &
  Partial<Pick<ContactDocument, 'emails' | 'phones' | 'addresses'>>;

const PROJECTION = { ...MATCH_FIELDS_PROJECTION, deletedAt: 1, erasedAt: 1, mergedInto: 1 };

export class ImportMatcherReader implements ImportMatcherFactory {
  constructor(
    private readonly model: ContactModel,
    private readonly rules: Pick<MatchingRulesRepository, 'find'>,
  ) {}

  async prepare(tenantId: string, kind: ContactKind): Promise<ImportMatcher> {
    const stored = await this.rules.find(tenantId);
    const matcher = new RuleImportMatcher(effectiveMatchingRules(tenantId, stored?.rules), kind);
    // Indexed as the cursor yields them: small batches keep each synchronous stretch short.
    const cursor = this.model.collection.find<MatchFieldsDocument>(
      { tenantId, kind },
      { projection: PROJECTION, batchSize: 1000 },
    );
    for await (const doc of cursor) {
      if (!doc.deletedAt) matcher.remember(doc._id, toMatchable(doc));
      else matcher.rememberRetired(doc._id, doc);
    }
    return matcher;
  }
}

function toMatchable(doc: MatchFieldsDocument): MatchableFields {
  return {
    ...(doc.person ? { person: doc.person } : {}),
    ...(doc.organization ? { organization: doc.organization } : {}),
    emails: doc.emails ?? [],
    phones: doc.phones ?? [],
    addresses: doc.addresses ?? [],
    ...(doc.birthDate ? { birthDate: doc.birthDate } : {}),
  };
}
