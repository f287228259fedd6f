// Interactions stored before contacts' timelines walked months (timeline_months) get their
// participants' months once, at start-up before the service takes calls: without them a page
// would not know to read those months. A marker document then skips it, since reading every
// interaction is a scan of the collection on FerretDB. Only directory entries are inserted
// (`_id` inserts, idempotent), so a write at the same time cannot be undone by it; a replica
// of an older version writing meanwhile does not record months: roll replicas one version at
// a time (docs/architecture.md, "Timelines").
import type { Db } from 'mongodb';
import type { TimelinePlace } from '../domain/timeline-gift';
import { INTERACTIONS_COLLECTION, type InteractionDocument } from './interaction-document';
import type { TimelineMonths } from './timeline-months';

const MIGRATIONS_COLLECTION = 'interaction_migrations';
const MIGRATION_ID = 'timeline-months';
const BATCH = 500;

type Scanned = Pick<
  InteractionDocument,
  '_id' | 'tenantId' | 'participantContactIds' | 'occurredMonth'
>;

/** Records the months where missing; answers how many interactions it read. */
export async function backfillTimelineMonths(db: Db, months: TimelineMonths): Promise<number> {
  const markers = db.collection<{ _id: string; doneAt: string }>(MIGRATIONS_COLLECTION);
  if (await markers.findOne({ _id: MIGRATION_ID })) return 0;
  const cursor = db
    .collection<InteractionDocument>(INTERACTIONS_COLLECTION)
    .find({}, { projection: { tenantId: 1, participantContactIds: 1, occurredMonth: 1 } })
    .batchSize(BATCH);
  let read = 0;
  const byTenant = new Map<string, Map<string, TimelinePlace>>();
  const flush = async () => {
    for (const [tenantId, places] of byTenant) await months.note(tenantId, [...places.values()]);
    byTenant.clear();
  };
  for await (const doc of cursor as AsyncIterable<Scanned>) {
    read += 1;
    const places = byTenant.get(doc.tenantId) ?? new Map<string, TimelinePlace>();
    byTenant.set(doc.tenantId, places);
    for (const contactId of doc.participantContactIds) {
      places.set(`${contactId}:${doc.occurredMonth}`, { contactId, month: doc.occurredMonth });
    }
    if (read % BATCH === 0) await flush();
  }
  await flush();
  await markers.updateOne(
    { _id: MIGRATION_ID },
    { $set: { doneAt: new Date().toISOString() } },
    { upsert: true },
  );
  return read;
}
