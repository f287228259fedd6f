// Reads and writes custom field definitions through @kith/aggregate-store: `{_id}` reads, and
// writes through the outbox like contacts (the intent claims the version, then state +
// `_outboxLog` in one single-document write). A crash between the two leaves an intent whose
// definition has no matching `_outboxLog` entry: the relay drops it after its grace period
// (nothing was promised); a crash after the write leaves one it finds logged and publishes.
import {
  findOwned,
  insertVersioned,
  listAfterCursor,
  updateVersioned,
  type AggregateStore,
} from '@kith/aggregate-store';
import type { Outbox, OutboxItem, OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
import type { CustomFieldDefinition, CustomFieldRecordType } from '../domain/custom-field';
import { CustomFieldError, CustomFieldErrorCode } from '../domain/custom-field-error';
import type { CustomFieldListQuery } from '../domain/custom-field-list-query';
import { toCustomField, toCustomFieldState } from './custom-field-document.mapper';
import { CUSTOM_FIELDS_COLLECTION, type CustomFieldDocument } from './custom-field.model';

export interface StoredCustomField {
  definition: CustomFieldDefinition;
  outboxLog: OutboxLogRecord[];
}

export class CustomFieldRepository {
  private readonly store: AggregateStore<CustomFieldDocument>;

  constructor(db: mongo.Db, outbox: Outbox) {
    this.store = {
      collection: db.collection<CustomFieldDocument>(CUSTOM_FIELDS_COLLECTION),
      outbox,
    };
  }

  /** A foreign tenant's definition is not found. */
  async findById(tenantId: string, id: string): Promise<StoredCustomField | undefined> {
    const doc = await findOwned(this.store.collection, tenantId, id);
    return doc && { definition: toCustomField(doc), outboxLog: doc._outboxLog ?? [] };
  }

  /**
   * Every definition of one record type, archived ones included unless asked otherwise: the
   * contact write path hands them to validateCustomFieldValues (which must know archived keys)
   * and the list path to customFieldFilter. A scan of the small definitions collection.
   */
  async forRecordType(
    tenantId: string,
    recordType: CustomFieldRecordType,
    opts: { includeArchived: boolean } = { includeArchived: true },
  ): Promise<CustomFieldDefinition[]> {
    const filter: Record<string, unknown> = { tenantId, recordType };
    if (!opts.includeArchived) filter.archived = false;
    const docs = await this.store.collection
      .find(filter, { projection: { _outboxLog: 0 } })
      .sort({ _id: 1 })
      .toArray();
    return docs.map(toCustomField);
  }

  /** The definitions a new value may be written to. */
  activeForRecordType(
    tenantId: string,
    recordType: CustomFieldRecordType,
  ): Promise<CustomFieldDefinition[]> {
    return this.forRecordType(tenantId, recordType, { includeArchived: false });
  }

  async list(
    query: CustomFieldListQuery,
  ): Promise<{ definitions: CustomFieldDefinition[]; hasMore: boolean }> {
    const filter: Record<string, unknown> = {};
    if (query.recordType) filter.recordType = query.recordType;
    if (!query.includeArchived) filter.archived = false;
    const { items, hasMore } = await listAfterCursor(this.store.collection, {
      tenantId: query.tenantId,
      filter,
      pageSize: query.pageSize,
      afterId: query.afterId,
    });
    return { definitions: items.map(toCustomField), hasMore };
  }

  insert(definition: CustomFieldDefinition, items: OutboxItem[]): Promise<void> {
    return insertVersioned(this.store, toCustomFieldState(definition), {
      items,
      // Another writer holding version 1 is defining the same key.
      conflict: () => versionConflict(definition, definition.version - 1),
      duplicate: () =>
        CustomFieldError.alreadyExists(
          `custom field ${definition.recordType}/${definition.key} exists already`,
        ),
    });
  }

  /** Replaces the state if the stored version is still `expectedVersion`. */
  update(
    definition: CustomFieldDefinition,
    expectedVersion: number,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    return updateVersioned(this.store, toCustomFieldState(definition), {
      expectedVersion,
      outboxLog,
      items,
      optionalFields: ['description'],
      conflict: () => versionConflict(definition, expectedVersion),
    });
  }
}

function versionConflict(definition: CustomFieldDefinition, expected: number): CustomFieldError {
  return new CustomFieldError(
    CustomFieldErrorCode.VERSION_CONFLICT,
    `custom field ${definition.recordType}/${definition.key} has changed (expected version ${expected})`,
  );
}
