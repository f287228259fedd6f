// Merge records: one per victim in `contact_merges`, `_id = "<tenantId>:<victimId>"`. Inserting
// it is the merge saga's first write and claims the victim: a second merge of the same victim
// finds it (an `_id` lookup, cheap on FerretDB) and either resumes the same merge or is
// refused. See app/contact-merge.service.ts for the steps.
import { retryTransient, isDuplicateKeyError } from '@kith/bus';
import type { mongo } from 'mongoose';
import type { FieldChoices } from '../domain/contact-merge';

export const CONTACT_MERGES_COLLECTION = 'contact_merges';

export interface MergeRecord {
  _id: string;
  tenantId: string;
  survivorId: string;
  victimId: string;
  /** As the caller asked; a resumed merge uses these, not a retry's. */
  fieldChoices: FieldChoices;
  actorId?: string;
  startedAt: string;
  /** Set once the victim is a tombstone: the merge is done. */
  completedAt?: string;
}

export function mergeRecordId(tenantId: string, victimId: string): string {
  return `${tenantId}:${victimId}`;
}

export class ContactMergeRepository {
  private readonly records: mongo.Collection<MergeRecord>;

  constructor(db: mongo.Db) {
    this.records = db.collection<MergeRecord>(CONTACT_MERGES_COLLECTION);
  }

  async find(tenantId: string, victimId: string): Promise<MergeRecord | undefined> {
    const record = await retryTransient(() =>
      this.records.findOne({ _id: mergeRecordId(tenantId, victimId) }),
    );
    return record && record.tenantId === tenantId ? record : undefined;
  }

  /** The stored record: the one just inserted, or the one that was there first. */
  async claim(record: Omit<MergeRecord, '_id'>): Promise<MergeRecord> {
    const doc: MergeRecord = { _id: mergeRecordId(record.tenantId, record.victimId), ...record };
    try {
      await retryTransient(() => this.records.insertOne(doc));
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.find(record.tenantId, record.victimId);
      if (!existing) throw err;
      return existing;
    }
  }

  /** Deletes an unfinished record (the caller checked), only while it names the same survivor. */
  async release(record: MergeRecord): Promise<void> {
    await retryTransient(() =>
      this.records.deleteOne({ _id: record._id, survivorId: record.survivorId }),
    );
  }

  async complete(record: MergeRecord, now: string): Promise<void> {
    await retryTransient(() =>
      this.records.updateOne({ _id: record._id }, { $set: { completedAt: now } }),
    );
  }
}
