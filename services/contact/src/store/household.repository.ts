// Reads and writes households. Every write goes through the outbox (@kith/bus): stage the
// events (which also claims the new version), write state + commit record in one
// single-document write, commit. See docs/architecture.md, "the outbox".
import {
  retryTransient,
  type Outbox,
  type OutboxItem,
  type OutboxLogRecord,
  type StagedWrite,
  writeThroughOutbox,
} from '@kith/bus';
import { HouseholdError, HouseholdErrorCode } from '../domain/household-error';
import type { Household } from '../domain/household';
import {
  OPTIONAL_HOUSEHOLD_FIELDS,
  toHousehold,
  toHouseholdDocumentState,
} from './household-document.mapper';
import {
  HOUSEHOLDS_COLLECTION,
  type HouseholdDocument,
  type HouseholdModel,
} from './household.model';

export interface StoredHousehold {
  household: Household;
  outboxLog: OutboxLogRecord[];
}

export interface HouseholdListQuery {
  tenantId: string;
  pageSize: number;
  afterId?: string;
}

export class HouseholdRepository {
  constructor(
    private readonly model: HouseholdModel,
    private readonly outbox: Outbox,
  ) {}

  /** By `_id` alone (the filter FerretDB pushes down); a foreign tenant's is not found. */
  async findById(tenantId: string, id: string): Promise<StoredHousehold | undefined> {
    const doc = await this.model.findOne({ _id: id }).lean<HouseholdDocument>().exec();
    if (!doc || doc.tenantId !== tenantId) return undefined;
    return { household: toHousehold(doc), outboxLog: doc._outboxLog ?? [] };
  }

  async insert(household: Household, items: OutboxItem[]): Promise<void> {
    await this.throughOutbox(household, items, async (staged) => {
      await retryTransient(() =>
        this.model.collection.insertOne({
          ...toHouseholdDocumentState(household),
          _outboxLog: staged.outboxLog([]),
        } as never),
      );
    });
  }

  /** Replaces the state if the stored version is still `household.version - 1`. */
  async update(
    household: Household,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    const expectedVersion = household.version - 1;
    const { _id: _ignored, ...state } = toHouseholdDocumentState(household);
    const unset = Object.fromEntries(
      OPTIONAL_HOUSEHOLD_FIELDS.filter((f) => household[f] === undefined).map((f) => [f, 1]),
    );
    await this.throughOutbox(household, items, async (staged) => {
      const result = await retryTransient(() =>
        this.model
          .updateOne(
            { _id: household.id, tenantId: household.tenantId, version: expectedVersion },
            {
              $set: { ...state, _outboxLog: staged.outboxLog(outboxLog) },
              ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
            },
          )
          .exec(),
      );
      if (result.matchedCount === 0) throw versionConflict(household.id);
    });
  }

  /** One page of live households in id (creation) order; one extra tells if more follow. */
  async list(query: HouseholdListQuery): Promise<{ households: Household[]; hasMore: boolean }> {
    const filter: Record<string, unknown> = { tenantId: query.tenantId, deletedAt: null };
    if (query.afterId) filter._id = { $gt: query.afterId };
    const docs = await this.model
      .find(filter, { _outboxLog: 0 })
      .sort({ _id: 1 })
      .limit(query.pageSize + 1)
      .lean<HouseholdDocument[]>()
      .exec();
    return {
      households: docs.slice(0, query.pageSize).map(toHousehold),
      hasMore: docs.length > query.pageSize,
    };
  }

  private throughOutbox(
    household: Household,
    items: OutboxItem[],
    write: (staged: StagedWrite) => Promise<void>,
  ): Promise<void> {
    return writeThroughOutbox(
      this.outbox,
      {
        collection: HOUSEHOLDS_COLLECTION,
        aggregateId: household.id,
        version: household.version,
        items,
      },
      write,
      () => versionConflict(household.id),
    );
  }
}

function versionConflict(id: string): HouseholdError {
  return new HouseholdError(
    HouseholdErrorCode.VERSION_CONFLICT,
    `household ${id} has changed; read it again`,
  );
}
