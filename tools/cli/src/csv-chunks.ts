// Cuts a CSV file into parts of at most `rows` data rows, each re-serialized with the
// header, as the /v1/imports/{id}/rows endpoint takes them. Streams the file (csv-parse),
// so a 100k-row file is never in memory, and skips rows at or below a checkpoint without
// sending them (a resumed import). Row numbers count data rows from 1, like the server's.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';

export interface CsvChunk {
  /** Row number of the first data row in the part. */
  firstRow: number;
  rows: number;
  csv: string;
  /** Bytes of the file read so far (for the progress bar). */
  bytesRead: number;
  /** True for the part that ends the file. */
  last: boolean;
}

export async function* csvChunks(
  input: Readable,
  opts: { rows: number; after?: number },
): AsyncGenerator<CsvChunk> {
  const after = opts.after ?? 0;
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let header: string[] | undefined;
  let pending: string[][] = [];
  let firstRow = after + 1;
  let rowNumber = 0;
  let bytesRead = 0;
  let ready: CsvChunk | undefined;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { bytes: number };
  }>) {
    bytesRead = info.bytes;
    if (!header) {
      header = record;
      continue;
    }
    rowNumber += 1;
    if (rowNumber <= after) continue;
    if (pending.length === 0) firstRow = rowNumber;
    pending.push(record);
    if (pending.length >= opts.rows) {
      // Held back one step: only the next row tells whether this part is the last.
      if (ready) yield ready;
      ready = {
        firstRow,
        rows: pending.length,
        csv: stringify([header, ...pending]),
        bytesRead,
        last: false,
      };
      pending = [];
    }
  }
  if (!header) throw new Error('the file is empty: it needs a header row');
  if (pending.length > 0) {
    if (ready) yield ready;
    yield {
      firstRow,
      rows: pending.length,
      csv: stringify([header, ...pending]),
      bytesRead,
      last: true,
    };
  } else if (ready) {
    yield { ...ready, bytesRead, last: true };
  } else {
    // Nothing (left) to send: a header-only part still finishes the job.
    yield { firstRow: rowNumber + 1, rows: 0, csv: stringify([header]), bytesRead, last: true };
  }
}
