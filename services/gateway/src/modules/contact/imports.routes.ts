// /v1/imports: CSV import of contacts, each operation declared once for Express and OpenAPI.
// Two ways in:
//  - POST /v1/imports/contacts with the whole file as text/csv: one request, one job.
//  - POST /v1/imports (JSON options, Idempotency-Key) then POST /v1/imports/{id}/rows with
//    parts of the file (each with the header row, `firstRow` its place in the file): what the
//    CLI does, for a progress bar and to resume after a failure from the job's checkpoint.
// GET /v1/imports/{id} reports progress; GET /v1/imports/{id}/errors.csv the failed rows.
import { once } from 'node:events';
import type { ZodRequestBody } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler } from 'express';
import { stringify } from 'csv-stringify';
import { NO_CONTACTS } from '../../domain/idempotency';
import { reportHeader, reportRecord } from '../../domain/import-error-report';
import type { RequestContext } from '../../grpc/upstream-call';
import { required } from '../../grpc/upstream-client';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { json, problems } from '../../http/openapi-kit';
import { GatewayError } from '../../http/problem';
import { parseOrThrow } from '../../http/validation';
import type { ContactImportClient } from './contact.client';
import { csvResponse } from './contact-export.routes';
import { ACTION_TO_PROTO, toImportJobResource } from './import-job.mapper';
import { uploadCsv, type UploadResult } from './import-upload';
import {
  ImportIdParamsSchema,
  ImportJobSchema,
  ImportRowsQuerySchema,
  ImportUploadResultSchema,
  OneShotImportQuerySchema,
  StartImportBodySchema,
} from './import.schema';

const CSV_UPLOAD_PATH = /^\/v1\/imports\/(contacts|[^/]+\/rows)\/?$/;

/** The one exception to "/v1 bodies are JSON": CSV uploads to the import routes. */
export function isCsvUpload(req: Request): boolean {
  return req.method === 'POST' && CSV_UPLOAD_PATH.test(req.originalUrl.split('?')[0] ?? '');
}

const requireCsv: RequestHandler = (req, _res, next) => {
  if (!req.is(['text/csv', 'application/csv'])) {
    throw new GatewayError('unsupported-media-type', 'Send the file as text/csv.');
  }
  next();
};

const tags = ['Imports and exports'];

const csvBody = (description: string): ZodRequestBody => ({
  required: true,
  description,
  content: { 'text/csv': { schema: { type: 'string' as const } } },
});

function uploadBody(result: UploadResult) {
  return {
    job: toImportJobResource(result.job),
    upload: {
      rows: result.rows,
      alreadyDone: result.alreadyDone,
      unmappedColumns: result.unmappedColumns,
    },
  };
}

const KIND_TO_PROTO = {
  person: 'CONTACT_KIND_PERSON',
  organization: 'CONTACT_KIND_ORGANIZATION',
} as const;

export function importOperations(imports: ContactImportClient): Operation[] {
  const jobOf = async (jobId: string, ctx: RequestContext) =>
    required((await imports.GetContactImport({ jobId }, ctx)).job, 'a job');
  const finish = async (jobId: string, ctx: RequestContext) =>
    required((await imports.FinishContactImport({ jobId }, ctx)).job, 'a job');
  const start = async (
    options: { kind: keyof typeof KIND_TO_PROTO; onDuplicate: keyof typeof ACTION_TO_PROTO },
    dryRun: boolean,
    fileName: string | undefined,
    ctx: RequestContext,
  ) => {
    const request = {
      kind: KIND_TO_PROTO[options.kind],
      onDuplicate: ACTION_TO_PROTO[options.onDuplicate],
      dryRun,
      fileName: fileName ?? '',
    };
    return required((await imports.StartContactImport(request, ctx)).job, 'a job');
  };
  return [
    defineOperation({
      method: 'post',
      path: '/imports/contacts',
      operationId: 'importContactsCsv',
      summary: 'Import a whole CSV file in one request',
      description:
        'The body is streamed, never held in memory. The first row names the columns (see ' +
        'docs/api.md for the default names). Answers when every row is handled; the job is ' +
        'finished.',
      tags,
      permission: 'contact:import',
      before: [requireCsv],
      query: OneShotImportQuerySchema,
      readQuery: (query) => parseOrThrow(OneShotImportQuerySchema, query, 'query'),
      streamedBody: csvBody('The CSV file, header row first.'),
      responses: {
        201: json(ImportUploadResultSchema, 'The finished job and what this upload did.'),
        ...problems(400, 403, 415),
      },
      async handle({ query, ctx, req, res }) {
        // Opened by the upload once the mapping fits the header and a first batch is read.
        let opened: string | undefined;
        const openJob = async () => {
          const job = await start(query, query.dryRun, query.fileName, ctx);
          opened = job.id;
          return job.id;
        };
        const result = await uploadCsv({
          body: req,
          jobId: openJob,
          firstRow: 1,
          mapSpecs: query.map,
          imports,
          ctx,
        }).catch(async (err: unknown) => {
          if (!(err instanceof GatewayError) || opened === undefined) throw err;
          // The job may hold rows already: name it, so the rest can be sent to it.
          const stored = Number((await jobOf(opened, ctx)).checkpoint);
          if (stored === 0) throw err;
          const path = `/v1/imports/${encodeURIComponent(opened)}`;
          const detail = `${err.detail} Import ${opened} keeps rows 1 to ${stored}; continue with POST ${path}/rows?firstRow=${stored + 1}.`;
          throw new GatewayError(err.code, detail, err.errors, { ...err.headers, Location: path });
        });
        result.job = await finish(result.jobId, ctx);
        res.status(201).setHeader('Location', `/v1/imports/${encodeURIComponent(result.jobId)}`);
        res.json(uploadBody(result));
      },
    }),
    defineOperation({
      method: 'post',
      path: '/imports',
      operationId: 'startImport',
      summary: 'Open an import job for an upload in parts',
      description: 'Send the parts to /v1/imports/{id}/rows.',
      tags,
      permission: 'contact:import',
      body: StartImportBodySchema,
      bodyRequired: false,
      idempotent: NO_CONTACTS,
      responses: {
        201: json(ImportJobSchema, 'The open job.'),
        ...problems(400, 403, 409, 415, 422),
      },
      async handle({ body, ctx, res }) {
        const resource = toImportJobResource(await start(body, body.dryRun, body.fileName, ctx));
        res.status(201).setHeader('Location', resource.links.self);
        res.json(resource);
      },
    }),
    defineOperation({
      method: 'post',
      path: '/imports/{id}/rows',
      operationId: 'uploadImportRows',
      summary: 'Upload a part of the file',
      description:
        'Each part repeats the header row; firstRow is its first data row in the whole file. ' +
        'Rows at or below the job checkpoint were stored by an earlier upload and are skipped, ' +
        'so a part can be sent again after a failure.',
      tags,
      permission: 'contact:import',
      before: [requireCsv],
      params: ImportIdParamsSchema,
      query: ImportRowsQuerySchema,
      readQuery: (query) => parseOrThrow(ImportRowsQuerySchema, query, 'query'),
      streamedBody: csvBody('A part of the CSV file, header row first.'),
      responses: {
        200: json(ImportUploadResultSchema, 'The job and what this upload did.'),
        ...problems(400, 403, 404, 415, 422),
      },
      async handle({ params: { id }, query, ctx, req, res }) {
        // Reads the job first: a foreign or unknown id is a 404 before the body is read.
        await jobOf(id, ctx);
        const result = await uploadCsv({
          body: req,
          jobId: id,
          firstRow: query.firstRow,
          mapSpecs: query.map,
          imports,
          ctx,
        });
        if (query.final) result.job = await finish(id, ctx);
        res.json(uploadBody(result));
      },
    }),
    defineOperation({
      method: 'get',
      path: '/imports/{id}',
      operationId: 'getImport',
      summary: 'Progress of an import',
      tags,
      permission: 'contact:import',
      params: ImportIdParamsSchema,
      responses: { 200: json(ImportJobSchema, 'The job.'), ...problems(400, 403, 404) },
      async handle({ params: { id }, ctx, res }) {
        res.json(toImportJobResource(await jobOf(id, ctx)));
      },
    }),
    defineOperation({
      method: 'get',
      path: '/imports/{id}/errors.csv',
      operationId: 'getImportErrors',
      summary: 'The rows that failed, as CSV',
      description: 'Columns: row, errors, then the columns of the file with the row as read.',
      tags,
      permission: 'contact:import',
      params: ImportIdParamsSchema,
      responses: { 200: csvResponse('The error report.'), ...problems(400, 403, 404) },
      async handle({ params: { id }, ctx, res }) {
        await jobOf(id, ctx);
        let page = await imports.ListContactImportErrors({ jobId: id, pageToken: '' }, ctx);
        const header = reportHeader(page.errors[0]);
        res.status(200).type('text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="import-${id}-errors.csv"`);
        const csv = stringify();
        csv.pipe(res);
        csv.write(header);
        for (;;) {
          for (const error of page.errors) {
            if (!csv.write(reportRecord(error, header))) await once(csv, 'drain');
          }
          if (!page.nextPageToken) break;
          const request = { jobId: id, pageToken: page.nextPageToken };
          page = await imports.ListContactImportErrors(request, ctx);
        }
        csv.end();
        await once(res, 'finish');
      },
    }),
  ];
}
