// kith export contacts|organizations: streams GET /v1/{contacts,organizations}/export.csv
// with the list filters to stdout (or --out), never holding the list in memory.
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { KithApi } from './api-client';

export interface ExportOptions {
  tag?: string;
  namePrefix?: string;
  email?: string;
  out?: string;
}

export async function exportContacts(
  api: KithApi,
  what: 'contacts' | 'organizations',
  opts: ExportOptions,
  stdout: Writable = process.stdout,
): Promise<void> {
  const query = new URLSearchParams();
  if (opts.tag) query.set('tag', opts.tag);
  if (opts.namePrefix) query.set('namePrefix', opts.namePrefix);
  if (opts.email) query.set('email', opts.email);
  const res = await api.download(`/v1/${what}/export.csv${query.size > 0 ? `?${query}` : ''}`);
  if (!res.body) return;
  const target = opts.out ? createWriteStream(opts.out) : stdout;
  await pipeline(Readable.fromWeb(res.body as WebReadableStream), target, {
    end: Boolean(opts.out),
  });
}
