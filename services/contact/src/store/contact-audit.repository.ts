// The audit trail's store: one document per contact event, `_id` = the event id, so a
// redelivered or replayed event inserts nothing new. Read per contact in version order.
// On FerretDB 1.x the per-contact read scans the collection (only `{_id}` reaches SQL); the
// index below is for MongoDB, where it is an index range scan.
import { withMaxTime } from '@kith/resilience';
import type { mongo } from 'mongoose';
import type { AuditEntry } from '../domain/contact-audit';
import { auditEntryHoldsValues, scrubAuditEntry } from '../domain/erase-dependents';
import { isDuplicateKeyError, retryTransient, writeErrorsOf } from '@kith/bus';

export const CONTACT_AUDIT_COLLECTION = 'contact_audit';

type AuditDocument = Omit<AuditEntry, 'id'> & { _id: string };

export class ContactAuditRepository {
  private readonly collection: mongo.Collection<AuditDocument>;

  constructor(db: mongo.Db) {
    this.collection = db.collection<AuditDocument>(CONTACT_AUDIT_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ tenantId: 1, contactId: 1, version: 1 });
  }

  /** Idempotent: an entry already recorded for this event is left as it is. */
  async record(entry: AuditEntry): Promise<void> {
    const { id, ...rest } = entry;
    try {
      await retryTransient(() => this.collection.insertOne({ _id: id, ...rest }));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  /**
   * Many entries in one unordered insertMany (the consumer's batches). Idempotent like
   * `record`: entries already recorded are refused as duplicates and left as they are.
   */
  async recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const docs = entries.map(({ id, ...rest }) => ({ _id: id, ...rest }));
    try {
      await retryTransient(() => this.collection.insertMany(docs, { ordered: false }));
    } catch (err) {
      const writeErrors = writeErrorsOf(err);
      if (!writeErrors || !writeErrors.every(isDuplicateKeyError)) throw err;
    }
  }

  /**
   * GDPR erasure: every entry of the contact keeps who/when/which fields and loses its values.
   * Idempotent (scrubbed entries are skipped); a crash half-way is finished by the retry.
   * Each write is a `{_id}` update, the cheap one on FerretDB; the read scans once.
   */
  async scrubContact(tenantId: string, contactId: string): Promise<number> {
    const docs = await this.collection.find({ tenantId, contactId }).toArray();
    let scrubbed = 0;
    for (const { _id, ...rest } of docs) {
      const entry = { id: _id, ...rest };
      if (!auditEntryHoldsValues(entry)) continue;
      const { changes } = scrubAuditEntry(entry);
      await retryTransient(() => this.collection.updateOne({ _id }, { $set: { changes } }));
      scrubbed += 1;
    }
    return scrubbed;
  }

  /** Every entry of the contact, oldest first (subject access export). */
  async listAll(tenantId: string, contactId: string): Promise<AuditEntry[]> {
    const docs = await this.collection
      .find({ tenantId, contactId }, withMaxTime({}))
      .sort({ version: 1 })
      .toArray();
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }

  /** Entries after `afterVersion`, oldest first; one extra tells whether more follow. */
  async list(
    tenantId: string,
    contactId: string,
    opts: { afterVersion: number; limit: number },
  ): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
    const docs = await this.collection
      .find({ tenantId, contactId, version: { $gt: opts.afterVersion } }, withMaxTime({}))
      .sort({ version: 1 })
      .limit(opts.limit + 1)
      .toArray();
    return {
      entries: docs.slice(0, opts.limit).map(({ _id, ...rest }) => ({ id: _id, ...rest })),
      hasMore: docs.length > opts.limit,
    };
  }
}
