// An in-memory ContactImportService: jobs per tenant (a foreign tenant's job is NOT_FOUND),
// a checkpoint that only grows, rows without a name or with mapping errors failing, and the
// failed rows kept for the report (one page per batch, like the real one). Records batches.
import * as grpc from '@grpc/grpc-js';
import type { contactImportV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { DefinitionOf } from '../../src/modules/contact/contact.client';
import { fakeUpstream } from './fake-upstream';
import { grpcError } from './grpc-error';

type Job = contactImportV1.ContactImport__Output & { tenantId: string };
type RowError = contactImportV1.ImportRowError__Output;

class ContactImportRules {
  readonly batches: contactImportV1.ImportRow[][] = [];
  private readonly jobs = new Map<string, Job>();
  private readonly errorPages = new Map<string, RowError[][]>();
  private seq = 0;

  async StartContactImport(req: contactImportV1.StartContactImportRequest, ctx: RequestContext) {
    const id = `job-${++this.seq}`;
    const job: Job = {
      id,
      tenantId: ctx.tenantId,
      kind: (req.kind ?? 'CONTACT_KIND_PERSON') as contactImportV1.ContactImport__Output['kind'],
      onDuplicate: (req.onDuplicate ??
        'DUPLICATE_ACTION_SKIP') as contactImportV1.ContactImport__Output['onDuplicate'],
      dryRun: req.dryRun ?? false,
      status: 'open',
      checkpoint: '0',
      rows: '0',
      created: '0',
      updated: '0',
      skipped: '0',
      failed: '0',
      fileName: req.fileName ?? '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '',
    };
    this.jobs.set(id, job);
    this.errorPages.set(id, []);
    return { job: { ...job } };
  }

  async ImportContactRows(req: contactImportV1.ImportContactRowsRequest, ctx: RequestContext) {
    const job = this.find(req.jobId ?? '', ctx);
    const rows = req.rows ?? [];
    this.batches.push(rows);
    const failed: RowError[] = [];
    const outcomes = rows.map((row): contactImportV1.ImportRowOutcome__Output => {
      const rowNumber = String(row.rowNumber);
      if (Number(rowNumber) <= Number(job.checkpoint)) {
        return { rowNumber, status: 'IMPORT_ROW_STATUS_SKIPPED_DONE', contactId: '', errors: [] };
      }
      const person = row.fields?.person;
      const errors = [...(row.mappingErrors ?? [])].map((e) => ({
        field: e.field ?? '',
        message: e.message ?? '',
      }));
      if (!person?.firstName && !person?.lastName) {
        errors.push({ field: 'person', message: 'a person needs a first or last name' });
      }
      if (errors.length > 0) {
        failed.push({
          rowNumber,
          errors,
          cells: (row.cells ?? []).map((c) => ({ column: c.column ?? '', value: c.value ?? '' })),
        });
        return { rowNumber, status: 'IMPORT_ROW_STATUS_FAILED', contactId: '', errors };
      }
      return {
        rowNumber,
        status: 'IMPORT_ROW_STATUS_CREATED',
        contactId: `c-${rowNumber}`,
        errors: [],
      };
    });
    const counted = outcomes.filter((o) => o.status !== 'IMPORT_ROW_STATUS_SKIPPED_DONE');
    if (failed.length > 0) this.errorPages.get(job.id)?.push(failed);
    job.rows = String(Number(job.rows) + counted.length);
    job.failed = String(Number(job.failed) + failed.length);
    job.created = String(Number(job.created) + counted.length - failed.length);
    const last = counted.at(-1);
    if (last) job.checkpoint = last.rowNumber;
    return { job: { ...job }, outcomes };
  }

  async FinishContactImport(req: contactImportV1.FinishContactImportRequest, ctx: RequestContext) {
    const job = this.find(req.jobId ?? '', ctx);
    job.status = 'finished';
    job.finishedAt = '2026-01-01T00:01:00.000Z';
    return { job: { ...job } };
  }

  async GetContactImport(req: contactImportV1.GetContactImportRequest, ctx: RequestContext) {
    return { job: { ...this.find(req.jobId ?? '', ctx) } };
  }

  async ListContactImportErrors(
    req: contactImportV1.ListContactImportErrorsRequest,
    ctx: RequestContext,
  ) {
    const job = this.find(req.jobId ?? '', ctx);
    const pages = this.errorPages.get(job.id) ?? [];
    const index = req.pageToken ? Number(req.pageToken) : 0;
    return {
      errors: pages[index] ?? [],
      nextPageToken: index + 1 < pages.length ? String(index + 1) : '',
    };
  }

  private find(id: string, ctx: RequestContext): Job {
    const job = this.jobs.get(id);
    if (!job || job.tenantId !== ctx.tenantId) {
      throw grpcError(grpc.status.NOT_FOUND, `import ${id} not found`);
    }
    return job;
  }
}

/** The import service fake: its rules behind the generic fakeUpstream. */
export function fakeImports() {
  return fakeUpstream<DefinitionOf<'ContactImportService'>, ContactImportRules>(
    new ContactImportRules(),
  );
}
