// Contacts stored before list buckets and search prefixes existed get both, once: without a
// bucket a contact would be missing from whole-tenant listings, without prefixes from
// searches. Runs at start-up before the service takes calls; a marker document then skips
// it, since finding the documents that lack a field reads the whole collection on FerretDB.
// A replica of an older version writing at the same time can still store contacts without
// them; run the upgrade's replicas one version at a time (docs/architecture.md).
import type { mongo } from 'mongoose';
import type { Contact } from '../domain/contact';
import { deriveSearchKeys, deriveSearchPrefixes } from '../domain/contact-search';
import type { ListBuckets } from './contact-list-buckets';
import type { ContactDocument } from './contact.model';

const MIGRATIONS_COLLECTION = 'contact_migrations';
const MIGRATION_ID = 'list-buckets-and-search-prefixes';
const BATCH = 500;

type Backfilled = Pick<
  ContactDocument,
  '_id' | 'tenantId' | 'listBucket' | 'searchNames' | 'emails' | 'phones'
>;

/** Fills the fields where they are missing; answers how many contacts it changed. */
export async function backfillListFields(
  db: mongo.Db,
  contacts: mongo.Collection<ContactDocument>,
  buckets: ListBuckets,
): Promise<number> {
  const markers = db.collection<{ _id: string; doneAt: string }>(MIGRATIONS_COLLECTION);
  if (await markers.findOne({ _id: MIGRATION_ID })) return 0;
  const cursor = contacts
    .find(
      { $or: [{ listBucket: { $exists: false } }, { searchPrefixes: { $exists: false } }] },
      { projection: { tenantId: 1, listBucket: 1, searchNames: 1, emails: 1, phones: 1 } },
    )
    .batchSize(BATCH);
  let changed = 0;
  const batch: Backfilled[] = [];
  for await (const doc of cursor as AsyncIterable<Backfilled>) {
    batch.push(doc);
    if (batch.length === BATCH) changed += await fill(contacts, buckets, batch.splice(0));
  }
  changed += await fill(contacts, buckets, batch);
  await markers.updateOne(
    { _id: MIGRATION_ID },
    { $set: { doneAt: new Date().toISOString() } },
    { upsert: true },
  );
  return changed;
}

async function fill(
  contacts: mongo.Collection<ContactDocument>,
  buckets: ListBuckets,
  docs: Backfilled[],
): Promise<number> {
  if (docs.length === 0) return 0;
  const unbucketed = docs.filter((doc) => !doc.listBucket);
  const assigned = await buckets.assign(unbucketed.map((doc) => doc.tenantId));
  const bucketOf = new Map(unbucketed.map((doc, i) => [doc._id, assigned[i]!]));
  await contacts.bulkWrite(
    docs.map((doc) => {
      const keys = deriveSearchKeys({
        searchNames: doc.searchNames ?? [],
        emails: doc.emails ?? [],
        phones: doc.phones ?? [],
      } as Pick<Contact, 'searchNames' | 'emails' | 'phones'>);
      return {
        updateOne: {
          filter: { _id: doc._id },
          update: {
            $set: {
              searchPrefixes: deriveSearchPrefixes(keys),
              listBucket: doc.listBucket ?? bucketOf.get(doc._id)!,
            },
          },
        },
      };
    }),
    { ordered: false },
  );
  return docs.length;
}
