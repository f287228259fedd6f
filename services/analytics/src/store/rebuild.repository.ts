// `rebuilds`: one document per rebuild (`_id` = its id), written through the outbox with
// kith.analytics.rebuild.started.v1 and .completed.v1. The supervisor finds the running ones
// at start-up (a handful at most, across tenants: no tenant in that one filter).
import { findOwned, insertVersioned, updateVersioned } from '@kith/aggregate-store';
import { retryTransient, type Outbox, type OutboxLogRecord } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import { AnalyticsError } from '../domain/analytics-error';
import type { Rebuild } from '../domain/rebuild';
import { rebuildItems } from '../events/analytics-events';

export const REBUILDS_COLLECTION = 'rebuilds';

interface RebuildDocument extends Omit<Rebuild, 'id'> {
  _id: string;
  _outboxLog?: OutboxLogRecord[];
}

const toRebuild = ({ _id, _outboxLog, ...rest }: RebuildDocument): Rebuild => ({
  id: _id,
  ...rest,
});

export class RebuildRepository {
  private readonly collection: Collection<RebuildDocument>;

  constructor(
    db: Db,
    private readonly outbox: Outbox,
  ) {
    this.collection = db.collection<RebuildDocument>(REBUILDS_COLLECTION);
  }

  async get(tenantId: string, id: string): Promise<Rebuild | undefined> {
    const doc = await findOwned(this.collection, tenantId, id);
    return doc ? toRebuild(doc) : undefined;
  }

  async insert(rebuild: Rebuild): Promise<void> {
    const { id, ...rest } = rebuild;
    await insertVersioned(
      { collection: this.collection, outbox: this.outbox },
      { _id: id, ...rest },
      {
        items: rebuildItems(rebuild),
        conflict: () => AnalyticsError.versionConflict(`rebuild ${id}`, 0),
      },
    );
  }

  /** Stores the rebuild's next state (running → completed or abandoned) with its event. */
  async finish(rebuild: Rebuild): Promise<void> {
    const doc = await findOwned(this.collection, rebuild.tenantId, rebuild.id);
    const { id, ...rest } = rebuild;
    await updateVersioned<RebuildDocument>(
      { collection: this.collection, outbox: this.outbox },
      { _id: id, ...rest },
      {
        expectedVersion: rebuild.version - 1,
        outboxLog: doc?._outboxLog ?? [],
        items: rebuildItems(rebuild),
        optionalFields: ['completedAt'],
        conflict: () => AnalyticsError.versionConflict(`rebuild ${id}`, rebuild.version - 1),
      },
    );
  }

  /** Every running rebuild (of any tenant): the supervisor resumes them. */
  async running(): Promise<Rebuild[]> {
    const docs = await retryTransient(() => this.collection.find({ status: 'running' }).toArray());
    return docs.map(toRebuild);
  }
}
