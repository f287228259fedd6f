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
const MAX_PASSES = 5;

type Backfilled = Pick<
  ContactDocument,
  '_id' | 'tenantId' | 'version' | 'listBucket' | 'searchNames' | 'emails' | 'phones'
>;

/** Fills the fields where they are missing; answers how many contacts it changed. */
export async function backfillListFields(
  db: mongo.Db,
  contacts: mongo.Collection<ContactDocument>,
  buckets: ListBuckets,
): Promise<number> {
  const markers = db.collection<{ _id: string; doneAt: string }>(MIGRATIONS_COLLECTION);
  if (await markers.findOne({ _id: MIGRATION_ID })) return 0;
  let changed = 0;
  // A contact written while a pass reads it is skipped by that pass (its version moved on) and
  // found by the next, so the marker is only written once a pass leaves nothing behind.
  for (let pass = 1; pass <= MAX_PASSES; pass += 1) {
    const { seen, filled } = await backfillPass(contacts, buckets);
    changed += filled;
    if (seen === filled) break;
  }
  await markers.updateOne(
    { _id: MIGRATION_ID },
    { $set: { doneAt: new Date().toISOString() } },
    { upsert: true },
  );
  return changed;
}

async function backfillPass(
  contacts: mongo.Collection<ContactDocument>,
  buckets: ListBuckets,
): Promise<{ seen: number; filled: number }> {
  const cursor = contacts
    .find(
      { $or: [{ listBucket: { $exists: false } }, { searchPrefixes: { $exists: false } }] },
      {
        projection: {
          tenantId: 1,
          version: 1,
          listBucket: 1,
          searchNames: 1,
          emails: 1,
          phones: 1,
        },
      },
    )
    .batchSize(BATCH);
  let seen = 0;
  let filled = 0;
  const batch: Backfilled[] = [];
  for await (const doc of cursor as AsyncIterable<Backfilled>) {
    seen += 1;
    batch.push(doc);
    if (batch.length === BATCH) filled += await fill(contacts, buckets, batch.splice(0));
  }
  filled += await fill(contacts, buckets, batch);
  return { seen, filled };
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
  const result = await contacts.bulkWrite(
    docs.map((doc) => {
      const keys = deriveSearchKeys({
        searchNames: doc.searchNames ?? [],
        emails: doc.emails ?? [],
        phones: doc.phones ?? [],
      } as Pick<Contact, 'searchNames' | 'emails' | 'phones'>);
      return {
        updateOne: {
          // Not if the contact changed since it was read: this write would drop that change.
          filter: { _id: doc._id, version: doc.version },
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
  return result.modifiedCount;
}
