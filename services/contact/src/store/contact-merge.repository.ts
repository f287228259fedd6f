// Merge records: one per victim in `contact_merges`, `_id = "<tenantId>:<victimId>"`. Inserting
// it is the merge saga's first write and claims the victim: a second merge of the same victim
// finds it (an `_id` lookup, cheap on FerretDB) and either resumes the same merge or is
// refused. See app/contact-merge.service.ts for the steps.
//
// Once the merged event's consumer has moved the victim's relationships and household place,
// it inserts `contact_merges_repointed` with the same `_id` (an insert, not an update of the
// record: FerretDB updates read and write back the whole document, so a concurrent `complete`
// could undo it). Until then the survivor must not be merged away itself.
import { claimUnique, findClaim, releaseClaim } from '@kith/aggregate-store';
import { retryTransient, isDuplicateKeyError } from '@kith/bus';
import type { mongo } from 'mongoose';
import type { FieldChoices } from '../domain/contact-merge';

export const CONTACT_MERGES_COLLECTION = 'contact_merges';
export const CONTACT_MERGES_REPOINTED_COLLECTION = 'contact_merges_repointed';

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
  /**
   * True on records written since re-pointing is tracked: their re-pointing is done once the
   * repointed mark exists. Older records lack it and count as re-pointed.
   */
  tracksRepointing?: boolean;
}

interface RepointedMark {
  _id: string;
  tenantId: string;
  survivorId: string;
  repointedAt: string;
}

export function mergeRecordId(tenantId: string, victimId: string): string {
  return `${tenantId}:${victimId}`;
}

export class ContactMergeRepository {
  private readonly records: mongo.Collection<MergeRecord>;
  private readonly repointed: mongo.Collection<RepointedMark>;

  constructor(db: mongo.Db) {
    this.records = db.collection<MergeRecord>(CONTACT_MERGES_COLLECTION);
    this.repointed = db.collection<RepointedMark>(CONTACT_MERGES_REPOINTED_COLLECTION);
  }

  find(tenantId: string, victimId: string): Promise<MergeRecord | undefined> {
    return findClaim(this.records, tenantId, mergeRecordId(tenantId, victimId));
  }

  /**
   * The stored record: the one just inserted, or the one that was there first (the same
   * merge's, which resumes, or another survivor's, which refuses). Never taken over.
   */
  async claim(record: Omit<MergeRecord, '_id'>): Promise<MergeRecord> {
    const doc: MergeRecord = { _id: mergeRecordId(record.tenantId, record.victimId), ...record };
    const result = await claimUnique(this.records, doc, {
      owner: 'survivorId',
      claimedAt: 'startedAt',
    });
    const stored = result.claimed ? result.claim : result.holder;
    if (!stored) throw new Error(`merge record ${doc._id} kept changing; retry the merge`);
    return stored;
  }

  /** Deletes an unfinished record (the caller checked), only while it names the same survivor. */
  async release(record: MergeRecord): Promise<void> {
    await releaseClaim(this.records, record._id, { survivorId: record.survivorId });
  }

  /** The victim's records now name the survivor. Idempotent: a second mark is a duplicate. */
  async markRepointed(
    tenantId: string,
    victimId: string,
    survivorId: string,
    now: string,
  ): Promise<void> {
    const mark = { _id: mergeRecordId(tenantId, victimId), tenantId, survivorId, repointedAt: now };
    try {
      await retryTransient(() => this.repointed.insertOne(mark));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  /** True while the merge's consumer has not yet moved the victim's records. */
  async awaitsRepointing(record: MergeRecord): Promise<boolean> {
    if (!record.tracksRepointing) return false;
    const mark = await retryTransient(() => this.repointed.findOne({ _id: record._id }));
    return !mark;
  }

  async complete(record: MergeRecord, now: string): Promise<void> {
    await retryTransient(() =>
      this.records.updateOne({ _id: record._id }, { $set: { completedAt: now } }),
    );
  }
}
