// The months of a contact's timeline: `timeline_months`, `_id` = <tenant>:<contact>:<YYYY-MM>,
// one per month in which the contact has an interaction or a gift entry. FerretDB 1.24 pushes
// only top-level equality down to PostgreSQL and sorts in Go after decoding every match, so a
// timeline read as one equality on the contact would cost every entry the contact ever had.
// A page instead walks this directory newest first and reads month by month (two equalities
// each: the contact and the month), so it costs the months it shows. An entry is inserted
// before anything stored names its month (a crash leaves an empty month: one empty query);
// entries are never removed, so a month emptied by a delete or a merge costs the same.
// Contact ids and months only.
import { isDuplicateKeyError, retryTransient, writeErrorsOf } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, FindOptions } from 'mongodb';
import type { TimelinePlace } from '../domain/timeline-gift';

export const TIMELINE_MONTHS_COLLECTION = 'timeline_months';

interface ContactMonthDocument {
  _id: string;
  tenantId: string;
  contactId: string;
  month: string;
}

/** Entries this process remembers having stored; cleared when full, so memory stays bounded. */
const KNOWN_LIMIT = 20_000;

const monthId = (tenantId: string, place: TimelinePlace) =>
  `${encodeURIComponent(tenantId)}:${encodeURIComponent(place.contactId)}:${place.month}`;

export class TimelineMonths {
  private readonly months: Collection<ContactMonthDocument>;
  private readonly known = new Set<string>();

  constructor(db: Db) {
    this.months = db.collection<ContactMonthDocument>(TIMELINE_MONTHS_COLLECTION);
  }

  /** `{tenantId, contactId}` serves a page's directory read (pushed down on FerretDB). */
  async ensureIndexes(): Promise<void> {
    await this.months.createIndex({ tenantId: 1, contactId: 1 });
  }

  /** Records the places not known yet, in one unordered insert; duplicates are fine. */
  async note(tenantId: string, places: readonly TimelinePlace[]): Promise<void> {
    const docs = places
      .map((place) => ({ _id: monthId(tenantId, place), tenantId, ...place }))
      .filter((doc) => !this.known.has(doc._id));
    if (docs.length === 0) return;
    try {
      await retryTransient(() => this.months.insertMany(docs, { ordered: false }));
    } catch (err) {
      if (!onlyDuplicates(err)) throw err;
    }
    if (this.known.size + docs.length > KNOWN_LIMIT) this.known.clear();
    for (const doc of docs) this.known.add(doc._id);
  }

  /** The contact's months, newest first (a few a year: read whole, sorted here). */
  async newestFirst(tenantId: string, contactId: string): Promise<string[]> {
    const docs = await this.months
      .find({ tenantId, contactId }, withMaxTime<FindOptions>({ projection: { month: 1 } }))
      .toArray();
    return docs
      .map((d) => d.month)
      .sort()
      .reverse();
  }
}

/** An unordered insertMany that failed only on documents already there. */
function onlyDuplicates(err: unknown): boolean {
  const writeErrors = writeErrorsOf(err);
  if (!writeErrors) return isDuplicateKeyError(err);
  return writeErrors.every((e) => isDuplicateKeyError(e));
}
