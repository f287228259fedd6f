import { ContactImportError, ContactImportErrorCode } from '../src/domain/contact-import-error';
import {
  applyBatch,
  errorChunkId,
  finishImportJob,
  MAX_IMPORT_BATCH,
  newImportJob,
  splitBatch,
  type ContactImportJob,
} from '../src/domain/contact-import';

const NOW = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-01T10:05:00.000Z';

function aJob(overrides: Partial<ContactImportJob> = {}): ContactImportJob {
  return {
    ...newImportJob(
      { tenantId: 't-1', kind: 'person', onDuplicate: 'skip', dryRun: false },
      { id: 'job-1', now: NOW },
    ),
    ...overrides,
  };
}

function errorOf(fn: () => unknown): ContactImportError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContactImportError) return err;
    throw err;
  }
  throw new Error('expected a ContactImportError');
}

const rows = (...numbers: number[]) => numbers.map((rowNumber) => ({ rowNumber }));

describe('newImportJob', () => {
  it('starts open, at checkpoint 0, with every counter at 0', () => {
    const job = aJob();

    expect(job).toMatchObject({
      status: 'open',
      checkpoint: 0,
      rows: 0,
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
      errorChunks: [],
      createdAt: NOW,
    });
  });
});

describe('splitBatch', () => {
  it('answers rows at or below the checkpoint as done and the rest as to do', () => {
    const { done, todo } = splitBatch(aJob({ checkpoint: 2 }), rows(1, 2, 3, 4));

    expect(done.map((r) => r.rowNumber)).toEqual([1, 2]);
    expect(todo.map((r) => r.rowNumber)).toEqual([3, 4]);
  });

  it('refuses rows for a finished job with FAILED_PRECONDITION', () => {
    const finished = finishImportJob(aJob(), LATER);

    expect(errorOf(() => splitBatch(finished, rows(1))).code).toBe(
      ContactImportErrorCode.FAILED_PRECONDITION,
    );
  });

  it('refuses row numbers that do not ascend', () => {
    const error = errorOf(() => splitBatch(aJob(), rows(1, 3, 2)));

    expect(error.fieldErrors).toEqual([
      { field: 'rows[2].rowNumber', message: 'row numbers must ascend' },
    ]);
  });

  it('refuses a batch over the limit', () => {
    const many = Array.from({ length: MAX_IMPORT_BATCH + 1 }, (_, i) => ({ rowNumber: i + 1 }));

    expect(errorOf(() => splitBatch(aJob(), many)).code).toBe(
      ContactImportErrorCode.VALIDATION_FAILED,
    );
  });
});

describe('applyBatch', () => {
  it('adds the outcomes to the counters and moves the checkpoint to the last row', () => {
    const job = applyBatch(
      aJob({ checkpoint: 10, rows: 10, created: 10 }),
      [
        { rowNumber: 11, status: 'created', contactId: 'c-11' },
        { rowNumber: 12, status: 'updated', contactId: 'c-1' },
        { rowNumber: 13, status: 'skipped', contactId: 'c-2' },
        { rowNumber: 14, status: 'failed', errors: [{ field: 'person', message: 'x' }] },
      ],
      { now: LATER, errorChunkId: 'job-1:11' },
    );

    expect(job).toMatchObject({
      checkpoint: 14,
      rows: 14,
      created: 11,
      updated: 1,
      skipped: 1,
      failed: 1,
      errorChunks: ['job-1:11'],
      updatedAt: LATER,
    });
  });

  it('does not count rows an earlier upload committed', () => {
    const job = aJob({ checkpoint: 5, rows: 5, created: 5 });

    const next = applyBatch(
      job,
      [
        { rowNumber: 5, status: 'skipped-done' },
        { rowNumber: 6, status: 'created', contactId: 'c-6' },
      ],
      { now: LATER },
    );

    expect(next).toMatchObject({ checkpoint: 6, rows: 6, created: 6 });
  });

  it('leaves the job as it was when every row was done before', () => {
    const job = aJob({ checkpoint: 5 });

    expect(applyBatch(job, [{ rowNumber: 4, status: 'skipped-done' }], { now: LATER })).toBe(job);
  });
});

describe('finishImportJob', () => {
  it('marks the job finished once, keeping the first finish time', () => {
    const finished = finishImportJob(aJob(), LATER);

    expect(finishImportJob(finished, '2026-03-02T00:00:00.000Z').finishedAt).toBe(LATER);
    expect(finished.status).toBe('finished');
  });
});

describe('errorChunkId', () => {
  it('pads the first row so chunk ids sort in row order', () => {
    expect(errorChunkId('job-1', 42)).toBe('job-1:0000000042');
  });
});
