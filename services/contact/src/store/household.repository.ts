// Households through @kith/aggregate-store: read by `_id` (tenant checked in code), every
// write one single-document write through the outbox, whose version claim turns a race into
// VERSION_CONFLICT (docs/architecture.md, "the outbox" and "FerretDB costs").
import {
  findOwned,
  insertVersioned,
  listAfterCursor,
  updateVersioned,
  type AggregateStore,
} from '@kith/aggregate-store';
import type { Outbox, OutboxItem, OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
import { HouseholdError, HouseholdErrorCode } from '../domain/household-error';
import type { Household } from '../domain/household';
import {
  OPTIONAL_HOUSEHOLD_FIELDS,
  toHousehold,
  toHouseholdDocumentState,
} from './household-document.mapper';
import { householdsCollection, type HouseholdDocument } from './household.model';

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
  private readonly store: AggregateStore<HouseholdDocument>;

  constructor(db: mongo.Db, outbox: Outbox) {
    this.store = { collection: householdsCollection(db), outbox };
  }

  async findById(tenantId: string, id: string): Promise<StoredHousehold | undefined> {
    const doc = await findOwned(this.store.collection, tenantId, id);
    return doc && { household: toHousehold(doc), outboxLog: doc._outboxLog ?? [] };
  }

  insert(household: Household, items: OutboxItem[]): Promise<void> {
    return insertVersioned(this.store, toHouseholdDocumentState(household), {
      items,
      conflict: () => versionConflict(household.id),
    });
  }

  /** Replaces the state if the stored version is still `household.version - 1`. */
  update(household: Household, outboxLog: OutboxLogRecord[], items: OutboxItem[]): Promise<void> {
    return updateVersioned(this.store, toHouseholdDocumentState(household), {
      expectedVersion: household.version - 1,
      outboxLog,
      items,
      optionalFields: OPTIONAL_HOUSEHOLD_FIELDS,
      conflict: () => versionConflict(household.id),
    });
  }

  /** One page of live households in id (creation) order. */
  async list(query: HouseholdListQuery): Promise<{ items: Household[]; hasMore: boolean }> {
    const page = await listAfterCursor(this.store.collection, {
      ...query,
      filter: { deletedAt: null },
    });
    return { items: page.items.map(toHousehold), hasMore: page.hasMore };
  }
}

function versionConflict(id: string): HouseholdError {
  return new HouseholdError(
    HouseholdErrorCode.VERSION_CONFLICT,
    `household ${id} has changed; read it again`,
  );
}
