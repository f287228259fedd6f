// kith import contacts <file>: opens a job (or resumes one), sends the file in parts of
// --chunk rows, shows a progress bar, and saves the error report next to the file. A part
// that fails with a retryable error is sent again after reading the job's checkpoint (the
// server skips rows it has stored already, so a resend never imports a row twice).
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { SingleBar, Presets } from 'cli-progress';
import { ApiError, type ImportJob, type KithApi } from './api-client';
import { csvChunks } from './csv-chunks';

export interface ImportOptions {
  kind: 'person' | 'organization';
  onDuplicate: 'skip' | 'update' | 'create';
  map: string[];
  resume?: string;
  dryRun: boolean;
  chunk: number;
  errors?: string;
  progress: boolean;
}

const ATTEMPTS = 4;

export async function importContacts(
  api: KithApi,
  file: string,
  opts: ImportOptions,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<ImportJob> {
  const size = (await stat(file)).size;
  const job = opts.resume
    ? await api.getImport(opts.resume)
    : await api.startImport(
        {
          kind: opts.kind,
          onDuplicate: opts.onDuplicate,
          dryRun: opts.dryRun,
          fileName: path.basename(file).slice(0, 200),
        },
        randomUUID(),
      );
  if (job.status === 'finished') throw new Error(`import ${job.id} is finished already`);
  log(`import ${job.id}${opts.resume ? ` resumed after row ${job.checkpoint}` : ''}`);

  const bar = opts.progress
    ? new SingleBar(
        {
          format: '{bar} {percentage}% | rows {rows} | created {created} | failed {failed}',
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(size, 0, {
    rows: job.checkpoint,
    created: job.counts.created,
    failed: job.counts.failed,
  });
  let current = job;
  let unmappedReported = false;
  try {
    for await (const chunk of csvChunks(createReadStream(file), {
      rows: opts.chunk,
      after: job.checkpoint,
    })) {
      const query = new URLSearchParams({
        firstRow: String(chunk.firstRow),
        final: String(chunk.last),
      });
      for (const spec of opts.map) query.append('map', spec);
      const result = await withRetries(api, job.id, () => api.uploadRows(job.id, query, chunk.csv));
      current = result.job;
      if (!unmappedReported && result.upload.unmappedColumns.length > 0) {
        bar?.stop();
        log(`ignored columns: ${result.upload.unmappedColumns.join(', ')}`);
        bar?.start(size, chunk.bytesRead);
        unmappedReported = true;
      }
      bar?.update(chunk.bytesRead, {
        rows: current.checkpoint,
        created: current.counts.created,
        failed: current.counts.failed,
      });
    }
  } catch (err) {
    bar?.stop();
    log(`stopped: ${err instanceof Error ? err.message : String(err)}`);
    log(`resume with: kith import contacts ${file} --resume ${job.id}`);
    throw err;
  }
  bar?.stop();
  const c = current.counts;
  log(
    `rows ${c.rows}: created ${c.created}, updated ${c.updated}, skipped ${c.skipped}, failed ${c.failed}`,
  );
  if (c.failed > 0) {
    const target = opts.errors ?? `${file}.errors.csv`;
    const res = await api.download(current.links.errors);
    if (res.body) {
      await pipeline(Readable.fromWeb(res.body as WebReadableStream), createWriteStream(target));
      log(`error report: ${target}`);
    }
  }
  return current;
}

/** Retries a part on a retryable failure; the job's checkpoint makes a resend harmless. */
async function withRetries<T>(api: KithApi, jobId: string, send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const retryable = !(err instanceof ApiError) || err.retryable;
      if (!retryable || attempt >= ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      // The server may have stored part of the batch; it skips those rows on the resend.
      await api.getImport(jobId).catch(() => undefined);
    }
  }
}
