// End to end: the kith CLI against the gateway and the contact service (in-process) on the
// real Kafka and MongoDB-wire server of the test global setup. An import that stops after
// its first part is resumed with --resume and ends with the same result as one run, with
// the error report saved beside the file; the export then lists what was imported.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { contactCsvLines, csvRowCounts, mintTestJwt } from '@kith/testkit';
import { startE2eStack, type E2eStack } from '../../../services/gateway/test/support/e2e-stack';
import { ApiError, KithApi } from '../src/api-client';
import { exportContacts } from '../src/export-command';
import { importContacts, type ImportOptions } from '../src/import-command';

const ROWS = 1200;
let stack: E2eStack;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  stack = await startE2eStack('e2e-cli');
  baseUrl = stack.baseUrl;
  dir = await mkdtemp(path.join(os.tmpdir(), 'kith-cli-'));
});

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Fails the second part with a 400 (not retried), as a broken connection would stop a run. */
class StopAfterFirstPart extends KithApi {
  private parts = 0;

  override uploadRows(...args: Parameters<KithApi['uploadRows']>) {
    if (++this.parts === 2) return Promise.reject(new ApiError(400, 'stopped for the test'));
    return super.uploadRows(...args);
  }
}

const OPTIONS: ImportOptions = {
  kind: 'person',
  onDuplicate: 'skip',
  map: [],
  dryRun: false,
  chunk: 500,
  progress: false,
};

test('an interrupted import resumes after its checkpoint and ends as one run would', async () => {
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  const config = { baseUrl, token: mintTestJwt({ tenant, roles: ['admin'] }) };
  const file = path.join(dir, 'people.csv');
  await writeFile(file, [...contactCsvLines({ rows: ROWS, tag: tenant })].join(''));
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  await expect(importContacts(new StopAfterFirstPart(config), file, OPTIONS, log)).rejects.toThrow(
    'stopped for the test',
  );
  const jobId = /^import (\S+)/.exec(lines[0] ?? '')?.[1] ?? '';
  expect(lines).toContain(`resume with: kith import contacts ${file} --resume ${jobId}`);
  const api = new KithApi(config);
  expect((await api.getImport(jobId)).checkpoint).toBe(500);

  const job = await importContacts(api, file, { ...OPTIONS, resume: jobId }, log);

  const expected = csvRowCounts(ROWS);
  const failed = expected['no-name'] + expected['bad-email'] + expected['bad-country'];
  // No contact existed before: the rows repeating existing-<k> emails are new (once each).
  expect(job.counts).toEqual({
    rows: ROWS,
    created: ROWS - failed - expected['in-file-dup'],
    updated: 0,
    skipped: expected['in-file-dup'],
    failed,
  });
  expect(job.status).toBe('finished');
  const report = parse(await readFile(`${file}.errors.csv`, 'utf8')) as string[][];
  expect(report).toHaveLength(failed + 1);

  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await exportContacts(api, 'contacts', { tag: tenant }, out);
  const exported = parse(Buffer.concat(chunks).toString('utf8'), { columns: true }) as unknown[];
  expect(exported).toHaveLength(job.counts.created);
});
