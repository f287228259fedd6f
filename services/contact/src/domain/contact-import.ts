// An import job: the options a file is imported with, its counters and its checkpoint (the
// highest row whose outcome is stored). Pure: the clock comes in, nothing is read or written.
// Rows arrive in file order in batches; a batch is applied to the job only after its
// contacts are written, so the checkpoint never runs ahead of the data.
import { CONTACT_IMPORT_LIMITS } from '@kith/contracts';
import type { ContactKind } from './contact';
import type { ContactFieldError } from './contact-error';
import { ContactImportError } from './contact-import-error';

export const DUPLICATE_ACTIONS = ['skip', 'update', 'create'] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

export type ImportStatus = 'open' | 'finished';

/**
 * At most this many rows per batch (the gateway's batch size too): a gRPC message well under
 * 4 MB (about 600 bytes a row with its cells). Big batches matter on FerretDB: the
 * InsertBatchers write 500 at a time and overlap the next 500 intents with the previous 500
 * contacts (bench/contact-import).
 */
export const MAX_IMPORT_BATCH = CONTACT_IMPORT_LIMITS.batchRows;

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface ContactImportJob extends ImportCounts {
  id: string;
  tenantId: string;
  kind: ContactKind;
  onDuplicate: DuplicateAction;
  dryRun: boolean;
  fileName?: string;
  status: ImportStatus;
  checkpoint: number;
  /** Ids of the stored error chunks, in row order (one per batch that had failures). */
  errorChunks: string[];
  createdBy?: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

export type RowOutcomeStatus = 'created' | 'updated' | 'skipped' | 'failed';

export interface RowOutcome {
  rowNumber: number;
  status: RowOutcomeStatus | 'skipped-done';
  contactId?: string;
  errors?: ContactFieldError[];
}

export interface StartImportCommand {
  tenantId: string;
  actorId?: string;
  kind: ContactKind;
  onDuplicate: DuplicateAction;
  dryRun: boolean;
  fileName?: string;
}

export function newImportJob(
  command: StartImportCommand,
  context: { id: string; now: string },
): ContactImportJob {
  const fileName = command.fileName?.trim().slice(0, CONTACT_IMPORT_LIMITS.fileName);
  return {
    id: context.id,
    tenantId: command.tenantId,
    kind: command.kind,
    onDuplicate: command.onDuplicate,
    dryRun: command.dryRun,
    ...(fileName ? { fileName } : {}),
    ...(command.actorId ? { createdBy: command.actorId } : {}),
    status: 'open',
    checkpoint: 0,
    errorChunks: [],
    rows: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    createdAt: context.now,
    updatedAt: context.now,
  };
}

/**
 * Splits a batch into rows an earlier upload of this job committed already (at or below the
 * checkpoint: answered without any write, which is what makes a resumed upload safe) and
 * rows still to do. Throws when the job is finished, the batch is too big, or the row
 * numbers do not ascend.
 */
export function splitBatch<R extends { rowNumber: number }>(
  job: ContactImportJob,
  rows: readonly R[],
): { done: R[]; todo: R[] } {
  if (job.status === 'finished') {
    throw ContactImportError.refused(`import ${job.id} is finished; start a new one`);
  }
  if (rows.length > MAX_IMPORT_BATCH) {
    throw ContactImportError.validation([
      { field: 'rows', message: `at most ${MAX_IMPORT_BATCH} rows per batch` },
    ]);
  }
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (!Number.isInteger(row.rowNumber) || row.rowNumber < 1) {
      throw ContactImportError.validation([
        { field: `rows[${i}].rowNumber`, message: 'must be a positive integer' },
      ]);
    }
    if (previous && row.rowNumber <= previous.rowNumber) {
      throw ContactImportError.validation([
        { field: `rows[${i}].rowNumber`, message: 'row numbers must ascend' },
      ]);
    }
  });
  return {
    done: rows.filter((row) => row.rowNumber <= job.checkpoint),
    todo: rows.filter((row) => row.rowNumber > job.checkpoint),
  };
}

/** The job after a batch's outcomes are stored: counters added, checkpoint moved forward. */
export function applyBatch(
  job: ContactImportJob,
  outcomes: readonly RowOutcome[],
  context: { now: string; errorChunkId?: string },
): ContactImportJob {
  const counted = outcomes.filter((o) => o.status !== 'skipped-done');
  if (counted.length === 0) return job;
  const count = (status: RowOutcomeStatus) => counted.filter((o) => o.status === status).length;
  const last = Math.max(...counted.map((o) => o.rowNumber));
  return {
    ...job,
    rows: job.rows + counted.length,
    created: job.created + count('created'),
    updated: job.updated + count('updated'),
    skipped: job.skipped + count('skipped'),
    failed: job.failed + count('failed'),
    checkpoint: Math.max(job.checkpoint, last),
    errorChunks: context.errorChunkId
      ? [...job.errorChunks, context.errorChunkId]
      : job.errorChunks,
    updatedAt: context.now,
  };
}

export function finishImportJob(job: ContactImportJob, now: string): ContactImportJob {
  if (job.status === 'finished') return job;
  return { ...job, status: 'finished', finishedAt: now, updatedAt: now };
}

/** One chunk of the error report per batch: keyed by job and the batch's first row. */
export function errorChunkId(jobId: string, firstRow: number): string {
  return `${jobId}:${String(firstRow).padStart(10, '0')}`;
}
