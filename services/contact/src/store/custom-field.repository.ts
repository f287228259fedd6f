// Reads and writes custom field definitions. Writes go through the outbox like contacts:
// stage the events (claims the version), write state + `_outboxLog` in one single-document
// write, commit. A crash between staging and the write leaves an intent whose definition
// has no matching `_outboxLog` entry: the relay drops it after its grace period (nothing was
// promised); a crash after the write leaves one it finds logged and publishes.
import {
  retryTransient,
  type Outbox,
  type OutboxItem,
  type OutboxLogRecord,
  type StagedWrite,
  writeThroughOutbox,
  isDuplicateKeyError,
} from '@kith/bus';
import type { CustomFieldDefinition, CustomFieldRecordType } from '../domain/custom-field';
import { CustomFieldError, CustomFieldErrorCode } from '../domain/custom-field-error';
import type { CustomFieldListQuery } from '../domain/custom-field-list-query';
import { toCustomField, toCustomFieldState } from './custom-field-document.mapper';
import {
  CUSTOM_FIELDS_COLLECTION,
  type CustomFieldDocument,
  type CustomFieldModel,
} from './custom-field.model';

export interface StoredCustomField {
  definition: CustomFieldDefinition;
  outboxLog: OutboxLogRecord[];
}

const WITHOUT_OUTBOX = { _outboxLog: 0 } as const;

export class CustomFieldRepository {
  constructor(
    private readonly model: CustomFieldModel,
    private readonly outbox: Outbox,
  ) {}

  /** An `{_id}` lookup; a foreign tenant's definition is not found. */
  async findById(tenantId: string, id: string): Promise<StoredCustomField | undefined> {
    const doc = await this.model.findOne({ _id: id }).lean<CustomFieldDocument>().exec();
    if (!doc || doc.tenantId !== tenantId) return undefined;
    return { definition: toCustomField(doc), outboxLog: doc._outboxLog ?? [] };
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
    const docs = await this.model
      .find(filter, WITHOUT_OUTBOX)
      .sort({ _id: 1 })
      .lean<CustomFieldDocument[]>()
      .exec();
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
    const filter: Record<string, unknown> = { tenantId: query.tenantId };
    if (query.recordType) filter.recordType = query.recordType;
    if (!query.includeArchived) filter.archived = false;
    if (query.afterId) filter._id = { $gt: query.afterId };
    const docs = await this.model
      .find(filter, WITHOUT_OUTBOX)
      .sort({ _id: 1 })
      .limit(query.pageSize + 1)
      .lean<CustomFieldDocument[]>()
      .exec();
    return {
      definitions: docs.slice(0, query.pageSize).map(toCustomField),
      hasMore: docs.length > query.pageSize,
    };
  }

  async insert(definition: CustomFieldDefinition, items: OutboxItem[]): Promise<void> {
    await this.throughOutbox(definition, items, async (staged) => {
      try {
        // Not retried: a retry after a lost acknowledgement would read as a duplicate.
        await this.model.collection.insertOne({
          ...toCustomFieldState(definition),
          _outboxLog: staged.outboxLog([]),
        } as never);
      } catch (err) {
        if (isDuplicateKeyError(err)) {
          throw CustomFieldError.alreadyExists(
            `custom field ${definition.recordType}/${definition.key} exists already`,
          );
        }
        throw err;
      }
    });
  }

  /** Replaces the state if the stored version is still `expectedVersion`. */
  async update(
    definition: CustomFieldDefinition,
    expectedVersion: number,
    outboxLog: OutboxLogRecord[],
    items: OutboxItem[],
  ): Promise<void> {
    const { _id: _ignored, ...state } = toCustomFieldState(definition);
    await this.throughOutbox(definition, items, async (staged) => {
      const result = await retryTransient(() =>
        this.model
          .updateOne(
            { _id: definition.id, tenantId: definition.tenantId, version: expectedVersion },
            {
              $set: { ...state, _outboxLog: staged.outboxLog(outboxLog) },
              ...(definition.description === undefined ? { $unset: { description: 1 } } : {}),
            },
          )
          .exec(),
      );
      if (result.matchedCount === 0) throw versionConflict(definition, expectedVersion);
    });
  }

  /** Another writer holding the version (for a create: defining the same key) is a conflict. */
  private throughOutbox(
    definition: CustomFieldDefinition,
    items: OutboxItem[],
    write: (staged: StagedWrite) => Promise<void>,
  ): Promise<void> {
    return writeThroughOutbox(
      this.outbox,
      {
        collection: CUSTOM_FIELDS_COLLECTION,
        aggregateId: definition.id,
        version: definition.version,
        items,
      },
      write,
      () => versionConflict(definition, definition.version - 1),
    );
  }
}

function versionConflict(definition: CustomFieldDefinition, expected: number): CustomFieldError {
  return new CustomFieldError(
    CustomFieldErrorCode.VERSION_CONFLICT,
    `custom field ${definition.recordType}/${definition.key} has changed (expected version ${expected})`,
  );
}
