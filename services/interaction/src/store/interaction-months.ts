// The months of a tenant that hold interactions: `interaction_months`, `_id` = <tenant>:<YYYY-MM>.
// FerretDB 1.24 pushes only top-level equality down to PostgreSQL and sorts in Go after
// decoding every match, so a whole-tenant page sorted by time would cost the whole tenant.
// Listing month by month (an equality on `occurredMonth`) costs a month's interactions
// instead, and this directory says which months to read, so empty ones are never asked for.
// An entry is inserted before any interaction names its month (a crash leaves an empty month,
// which costs a page one empty query); entries are never removed.
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db } from 'mongodb';

export const INTERACTION_MONTHS_COLLECTION = 'interaction_months';

interface MonthDocument {
  _id: string;
  tenantId: string;
  month: string;
}

export class InteractionMonths {
  private readonly months: Collection<MonthDocument>;
  /** Months this process has recorded: a create in a known month writes nothing here. */
  private readonly known = new Set<string>();

  constructor(db: Db) {
    this.months = db.collection<MonthDocument>(INTERACTION_MONTHS_COLLECTION);
  }

  async note(tenantId: string, month: string): Promise<void> {
    const _id = `${encodeURIComponent(tenantId)}:${month}`;
    if (this.known.has(_id)) return;
    try {
      await retryTransient(() => this.months.insertOne({ _id, tenantId, month }));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    this.known.add(_id);
  }

  /** The tenant's months, newest first (a few per year: read whole, sorted here). */
  async newestFirst(tenantId: string): Promise<string[]> {
    const docs = await this.months.find({ tenantId }, withMaxTime({})).toArray();
    return docs
      .map((d) => d.month)
      .sort()
      .reverse();
  }
}
