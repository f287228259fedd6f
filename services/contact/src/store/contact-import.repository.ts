// Import jobs and their error reports. Both are read only by `_id` (the one filter
// FerretDB 1.x answers without scanning): a job by its id, the report chunk by chunk from
// the ids the job lists. The job is written after its batch's contacts, so a crash between
// the two leaves the checkpoint behind the data, never ahead: the resumed upload sends those
// rows again and the matcher (re-loaded from the contacts) finds them as duplicates.
import { retryTransient, type Outbox, type OutboxItem, type OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
import type { ContactImportJob } from '../domain/contact-import';
import type { ContactFieldError } from '../domain/contact-error';

export const CONTACT_IMPORTS_COLLECTION = 'contact_imports';
export const CONTACT_IMPORT_ERRORS_COLLECTION = 'contact_import_errors';

export interface ImportCell {
  column: string;
  value: string;
}

export interface ImportRowError {
  rowNumber: number;
  errors: ContactFieldError[];
  /** The row as read, so the report can be fixed and imported again. */
  cells: ImportCell[];
}

type JobDocument = Omit<ContactImportJob, 'id'> & {
  _id: string;
  /** The outbox's commit record of the finish (the one write of a job with an event). */
  _outboxLog?: OutboxLogRecord[];
};

interface ErrorChunkDocument {
  _id: string;
  tenantId: string;
  jobId: string;
  rows: ImportRowError[];
}

export class ContactImportRepository {
  private readonly jobs: mongo.Collection<JobDocument>;
  private readonly chunks: mongo.Collection<ErrorChunkDocument>;

  constructor(
    db: mongo.Db,
    private readonly outbox: Outbox,
  ) {
    this.jobs = db.collection<JobDocument>(CONTACT_IMPORTS_COLLECTION);
    this.chunks = db.collection<ErrorChunkDocument>(CONTACT_IMPORT_ERRORS_COLLECTION);
  }

  /** For MongoDB (a tenant's jobs); FerretDB reads jobs by `_id` anyway. */
  async ensureIndexes(): Promise<void> {
    await this.jobs.createIndex({ tenantId: 1, _id: 1 });
    await this.chunks.createIndex({ tenantId: 1, jobId: 1 });
  }

  async insert(job: ContactImportJob): Promise<void> {
    const { id, ...rest } = job;
    await retryTransient(() => this.jobs.insertOne({ _id: id, ...rest }));
  }

  /** A foreign tenant's job is not found. */
  async find(tenantId: string, id: string): Promise<ContactImportJob | undefined> {
    const doc = await retryTransient(() => this.jobs.findOne({ _id: id }));
    if (!doc || doc.tenantId !== tenantId) return undefined;
    const { _id, _outboxLog: _log, ...rest } = doc;
    return { id: _id, ...rest };
  }

  /**
   * Replaces the job. Uploads of one job are sequential (the gateway sends a file's batches
   * one after the other), so a plain replace by `_id` suffices; the checkpoint only grows.
   */
  async save(job: ContactImportJob): Promise<void> {
    const { id, ...rest } = job;
    await retryTransient(() => this.jobs.replaceOne({ _id: id }, rest));
  }

  /**
   * Stores the finished job with its event through the outbox: the intent claims version 1
   * of the job (a job finishes once), the job write carries `_outboxLog` as the commit
   * record, so a crash between the two is resolved by the relay like any aggregate write.
   */
  async saveFinished(job: ContactImportJob, items: OutboxItem[]): Promise<void> {
    const staged = await this.outbox.stage({
      collection: CONTACT_IMPORTS_COLLECTION,
      aggregateId: job.id,
      version: 1,
      items,
    });
    const { id, ...rest } = job;
    try {
      await retryTransient(() =>
        this.jobs.replaceOne({ _id: id }, { ...rest, _outboxLog: staged.outboxLog([]) }),
      );
    } catch (err) {
      await staged.abandon().catch(() => undefined);
      throw err;
    }
    staged.commit();
  }

  /** Upserted: a batch retried after a crash writes the same chunk id again. */
  async saveErrors(
    tenantId: string,
    jobId: string,
    chunkId: string,
    rows: ImportRowError[],
  ): Promise<void> {
    await retryTransient(() =>
      this.chunks.replaceOne({ _id: chunkId }, { tenantId, jobId, rows }, { upsert: true }),
    );
  }

  /**
   * Every error chunk of the tenant, for an erasure (rare): a refused row has no contact id
   * to look it up by. `tenantId` equality is pushed down on FerretDB; on MongoDB the
   * `{tenantId, jobId}` index serves it.
   */
  async errorChunksOf(
    tenantId: string,
  ): Promise<Array<{ chunkId: string; jobId: string; rows: ImportRowError[] }>> {
    const docs = await retryTransient(() => this.chunks.find({ tenantId }).toArray());
    return docs.map(({ _id, jobId, rows }) => ({ chunkId: _id, jobId, rows }));
  }

  async errorChunk(tenantId: string, chunkId: string): Promise<ImportRowError[]> {
    const doc = await retryTransient(() => this.chunks.findOne({ _id: chunkId }));
    return doc && doc.tenantId === tenantId ? doc.rows : [];
  }
}
