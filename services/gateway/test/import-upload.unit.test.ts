// uploadCsv with two batches in flight, against a contact service whose answers the test
// releases one by one: how many batches go unanswered, which job the upload answers when
// the answers cross, and how a failed batch ends the upload.
import { Readable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import type { contactImportV1 } from '@kith/contracts';
import type { UploadImports } from '../src/modules/contact/import-upload';

type ImportJobMessage = contactImportV1.ContactImport__Output;
import { uploadCsv } from '../src/modules/contact/import-upload';
import { grpcError } from './support/grpc-error';

type RowsAnswer = contactImportV1.ImportContactRowsResponse__Output;

interface PendingBatch {
  rows: contactImportV1.ImportRow[];
  resolve: (answer: RowsAnswer) => void;
  reject: (err: unknown) => void;
}

/** Records each ImportContactRows call and answers it only when the test says so. */
class HeldContactImports implements UploadImports {
  readonly batches: PendingBatch[] = [];
  private waiters: Array<() => void> = [];

  ImportContactRows(req: contactImportV1.ImportContactRowsRequest): Promise<RowsAnswer> {
    return new Promise<RowsAnswer>((resolve, reject) => {
      this.batches.push({ rows: req.rows ?? [], resolve, reject });
      for (const wake of this.waiters) wake();
    });
  }

  /** Answers batch `index` (0-based) with the job at `checkpoint`. */
  answer(index: number, checkpoint: number): void {
    this.batch(index).resolve({ job: jobAt(checkpoint), outcomes: [] });
  }

  fail(index: number, err: Error): void {
    this.batch(index).reject(err);
  }

  /** Resolves once `count` batches have been sent. */
  async sent(count: number): Promise<void> {
    while (this.batches.length < count) {
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
    this.waiters = [];
  }

  async GetContactImport(): Promise<{ job: ImportJobMessage }> {
    throw new Error('not used when a batch answered');
  }

  private batch(index: number): PendingBatch {
    const batch = this.batches[index];
    if (!batch) throw new Error(`batch ${index} was not sent`);
    return batch;
  }
}

function jobAt(checkpoint: number): ImportJobMessage {
  return {
    id: 'job-1',
    kind: 'CONTACT_KIND_PERSON',
    onDuplicate: 'DUPLICATE_ACTION_SKIP',
    dryRun: false,
    status: 'open',
    checkpoint: String(checkpoint),
    rows: String(checkpoint),
    created: String(checkpoint),
    updated: '0',
    skipped: '0',
    failed: '0',
    fileName: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '',
  };
}

function csv(rows: number): string {
  const lines = ['First Name,Email'];
  for (let i = 1; i <= rows; i++) lines.push(`Ada${i},ada-${i}@example.org`);
  return `${lines.join('\n')}\n`;
}

function startUpload(imports: HeldContactImports, rows: number, batchSize: number) {
  return uploadCsv({
    body: Readable.from([csv(rows)]),
    jobId: 'job-1',
    firstRow: 1,
    mapSpecs: [],
    imports,
    ctx: { tenantId: 'tenant-a', userId: 'user-1', roles: ['admin'] },
    batchSize,
  });
}

/** Enough time for the parser to reach the end of a small body and try to send every batch. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 25));

/** Whether a promise has settled yet, without consuming its outcome. */
function track(promise: Promise<unknown>): { settled: boolean } {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('uploadCsv with batches in flight', () => {
  // Jest fails the running test when a promise rejection goes unhandled (as `node` would
  // crash the gateway), so the failing-batch tests below also check that none does.
  it('keeps at most two batches unanswered: the third is sent once the first is answered', async () => {
    const imports = new HeldContactImports();
    const upload = startUpload(imports, 6, 2);
    await imports.sent(2);
    await quiet();
    const sentBeforeAnyAnswer = imports.batches.length;

    imports.answer(0, 2);
    await imports.sent(3);
    imports.answer(1, 4);
    imports.answer(2, 6);
    await upload;

    expect(sentBeforeAnyAnswer).toBe(2);
  });

  it('answers the job with the furthest checkpoint even when the answers arrive out of order', async () => {
    const imports = new HeldContactImports();
    const upload = startUpload(imports, 10, 5);
    await imports.sent(2);

    imports.answer(1, 10);
    await quiet();
    imports.answer(0, 5);
    const result = await upload;

    expect(result.job.checkpoint).toBe('10');
  });

  it('rejects with the failed first batch’s error only after the second batch in flight has settled', async () => {
    const imports = new HeldContactImports();
    const upload = startUpload(imports, 4, 2);
    const uploadState = track(upload);
    await imports.sent(2);
    const failure = grpcError(grpc.status.FAILED_PRECONDITION, 'an earlier batch failed');

    imports.fail(0, failure);
    await quiet();
    const settledBeforeSecondAnswered = uploadState.settled;
    imports.answer(1, 4);

    await expect(upload).rejects.toBe(failure);
    expect(settledBeforeSecondAnswered).toBe(false);
  });

  it('rejects with the second batch’s error, without an unhandled rejection, when it fails while the first is unanswered', async () => {
    const imports = new HeldContactImports();
    const upload = startUpload(imports, 4, 2);
    await imports.sent(2);
    const failure = grpcError(grpc.status.UNAVAILABLE, 'connection reset');

    imports.fail(1, failure);
    await quiet();
    imports.answer(0, 2);

    await expect(upload).rejects.toBe(failure);
  });
});
