// Streams a CSV body into an import job: csv-parse reads the request as it arrives (the
// file is never held in memory), the first record is the header, and rows go to the
// contact service in batches of IMPORT_BATCH_SIZE. Two batches are in flight while the next
// is parsed (the service decides one while it writes the other, and writes a job's batches
// in order); a slow database slows the upload (TCP backpressure) instead of filling the
// gateway's memory. A one-shot upload's job is opened only once the request proved readable
// (a mapping that fits the header, a first batch of rows): a refused request leaves no job.
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { CONTACT_IMPORT_LIMITS, type contactImportV1 } from '@kith/contracts';
import { parseMapSpecs, resolveMapping, type ColumnMapping } from '../../domain/import-mapping';
import { toImportRow } from '../../domain/import-row';
import { required } from '../../grpc/upstream-client';
import type { ContactImportClient } from './contact.client';

type ImportJobMessage = contactImportV1.ContactImport__Output;
import type { RequestContext } from '../../grpc/upstream-call';
import { GatewayError } from '../../http/problem';

/** Rows per ImportContactRows call: the most the service takes (@kith/contracts). */
export const IMPORT_BATCH_SIZE = CONTACT_IMPORT_LIMITS.batchRows;
/**
 * Batches sent before the first is answered: the service decides one batch while it writes
 * the one before (services/contact, app/import-lane.ts), so the upload never waits for a
 * round trip. Both reach the same service process: a gRPC channel keeps one connection.
 */
export const IMPORT_BATCHES_IN_FLIGHT = 2;
/** One CSV record may not exceed this (a runaway quote would otherwise read the whole file). */
const MAX_RECORD_BYTES = 64 * 1024;
/**
 * A batch is also sent once its cells reach this size: a row travels twice (mapped fields
 * and cells for the report), and gRPC refuses messages over 4 MB, which a wide file of
 * 2000 rows could exceed.
 */
const MAX_BATCH_BYTES = 1024 * 1024;

export interface UploadResult {
  jobId: string;
  job: ImportJobMessage;
  rows: number;
  alreadyDone: number;
  unmappedColumns: string[];
}

/** The two calls an upload makes (unit tests hold them to answer in their own order). */
export type UploadImports = Pick<ContactImportClient, 'ImportContactRows' | 'GetContactImport'>;

export async function uploadCsv(args: {
  body: Readable;
  /** The job, or how to open it: called once, before the first batch is sent. */
  jobId: string | (() => Promise<string>);
  firstRow: number;
  mapSpecs: readonly string[];
  imports: UploadImports;
  ctx: RequestContext;
  batchSize?: number;
}): Promise<UploadResult> {
  const { overrides, errors: specErrors } = parseMapSpecs(args.mapSpecs);
  if (specErrors.length > 0) throw invalidMapping(specErrors);
  const parser = args.body.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  let headers: string[] | undefined;
  let mapping: ColumnMapping = [];
  let unmappedColumns: string[] = [];
  let batch: contactImportV1.ImportRow[] = [];
  let batchBytes = 0;
  let rowNumber = args.firstRow - 1;
  let alreadyDone = 0;
  let job: ImportJobMessage | undefined;
  const open = args.jobId;
  let opening: Promise<string> | undefined =
    typeof open === 'string' ? Promise.resolve(open) : undefined;
  const jobId = () => (opening ??= (open as () => Promise<string>)());

  // Batches sent, oldest first, not answered yet.
  const inFlight: Array<Promise<void>> = [];
  const send = async (id: string, rows: contactImportV1.ImportRow[]) => {
    const res = await args.imports.ImportContactRows({ jobId: id, rows }, args.ctx);
    alreadyDone += res.outcomes.filter((o) => o.status === 'IMPORT_ROW_STATUS_SKIPPED_DONE').length;
    // Answers come in batch order (the service writes a job's batches in order); the
    // furthest checkpoint is the job as it stands.
    if (res.job && (!job || Number(res.job.checkpoint) >= Number(job.checkpoint))) job = res.job;
  };
  // Sends this batch once fewer than IMPORT_BATCHES_IN_FLIGHT are unanswered.
  const flush = async () => {
    while (inFlight.length >= IMPORT_BATCHES_IN_FLIGHT) await inFlight.shift();
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    batchBytes = 0;
    // Awaited here, not in send: the parser waits, so batch k is on its way before batch k+1
    // is read (the service takes a job's batches in the order they arrive).
    const sending = send(await jobId(), rows);
    // Observed here so a failure while the next batch is parsed is not "unhandled".
    sending.catch(() => undefined);
    inFlight.push(sending);
  };
  const drain = async () => {
    while (inFlight.length > 0) await inFlight.shift();
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!headers) {
        headers = record.map((h) => h.trim());
        const resolved = resolveMapping(headers, overrides);
        if (resolved.errors.length > 0) throw invalidMapping(resolved.errors);
        if (resolved.mapping.every((field) => field === undefined))
          throw nothingMapped(overrides.size > 0);
        mapping = resolved.mapping;
        unmappedColumns = resolved.unmapped;
        continue;
      }
      rowNumber += 1;
      batch.push(toImportRow(rowNumber, headers, record, mapping));
      batchBytes += record.reduce((sum, cell) => sum + cell.length, 0);
      const full = batch.length >= (args.batchSize ?? IMPORT_BATCH_SIZE);
      if (full || batchBytes >= MAX_BATCH_BYTES) await flush();
    }
    await flush();
    await drain();
  } catch (err) {
    await Promise.allSettled(inFlight);
    // Batches sent before the bad spot are stored; the job's checkpoint says how far it got.
    if (err instanceof CsvError) {
      throw new GatewayError('validation-failed', `The CSV cannot be read: ${err.message}`, [
        { field: '(body)', message: `after data row ${rowNumber}: ${err.code}`, in: 'body' },
      ]);
    }
    throw err;
  }
  if (!headers) {
    throw new GatewayError('validation-failed', 'The CSV is empty: it needs a header row.', [
      { field: '(body)', message: 'no header row', in: 'body' },
    ]);
  }
  const id = await jobId();
  return {
    jobId: id,
    job:
      job ?? required((await args.imports.GetContactImport({ jobId: id }, args.ctx)).job, 'a job'),
    rows: rowNumber - (args.firstRow - 1),
    alreadyDone,
    unmappedColumns,
  };
}

/** Blamed on the `map` parameter when it has entries, else on the file's header row. */
function nothingMapped(explicit: boolean): GatewayError {
  const message = 'no column maps to a contact field';
  if (explicit) return invalidMapping([{ field: 'map', message }]);
  return new GatewayError(
    'validation-failed',
    'No column of the header row maps to a contact field; name one with map=column=field.',
    [{ field: '(body)', message: `${message} (header row)`, in: 'body' }],
  );
}

function invalidMapping(errors: Array<{ field: string; message: string }>): GatewayError {
  return new GatewayError(
    'validation-failed',
    'The column mapping is not valid.',
    errors.map((e) => ({ ...e, in: 'query' as const })),
  );
}
