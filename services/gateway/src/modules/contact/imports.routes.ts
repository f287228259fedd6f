// /v1/imports: CSV import of contacts. Two ways in:
//  - POST /v1/imports/contacts with the whole file as text/csv: one request, one job.
//  - POST /v1/imports (JSON options, Idempotency-Key) then POST /v1/imports/{id}/rows with
//    parts of the file (each with the header row, `firstRow` its place in the file): what the
//    CLI does, for a progress bar and to resume after a failure from the job's checkpoint.
// GET /v1/imports/{id} reports progress; GET /v1/imports/{id}/errors.csv the failed rows.
import { once } from 'node:events';
import { Router, type Request } from 'express';
import { stringify } from 'csv-stringify';
import { ACTION_TO_PROTO, toImportJobResource } from './import-job.mapper';
import { reportHeader, reportRecord } from '../../domain/import-error-report';
import type { ContactImportGateway } from '../../grpc/contact-import.client';
import { requirePermission } from '../../http/auth.middleware';
import { idempotency, type IdempotencyOptions } from '../../http/idempotency.middleware';
import { NO_CONTACTS } from '../../domain/idempotency';
import { uploadCsv, type UploadResult } from './import-upload';
import { GatewayError } from '../../http/problem';
import { methodNotAllowed, requestContext } from '../../http/route-helpers';
import {
  ImportIdParamsSchema,
  ImportRowsQuerySchema,
  OneShotImportQuerySchema,
  StartImportBodySchema,
} from './import.schema';
import { parseOrThrow } from '../../http/validation';

const CSV_UPLOAD_PATH = /^\/v1\/imports\/(contacts|[^/]+\/rows)\/?$/;

/** The one exception to "/v1 bodies are JSON": CSV uploads to the import routes. */
export function isCsvUpload(req: Request): boolean {
  return req.method === 'POST' && CSV_UPLOAD_PATH.test(req.originalUrl.split('?')[0] ?? '');
}

export interface ImportsRouterDeps {
  imports: ContactImportGateway;
  idempotency: IdempotencyOptions;
}

function requireCsv(req: Request): void {
  if (!req.is(['text/csv', 'application/csv'])) {
    throw new GatewayError('unsupported-media-type', 'Send the file as text/csv.');
  }
}

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

export function importsRouter(deps: ImportsRouterDeps): Router {
  const router = Router();
  const { imports } = deps;

  router
    .route('/imports')
    .post(
      requirePermission('contact:import'),
      (req, _res, next) => {
        req.body = parseOrThrow(StartImportBodySchema, req.body ?? {}, 'body');
        next();
      },
      idempotency(deps.idempotency, NO_CONTACTS),
      async (req, res) => {
        const body = req.body as ReturnType<typeof StartImportBodySchema.parse>;
        const job = await imports.start(
          {
            kind: KIND_TO_PROTO[body.kind],
            onDuplicate: ACTION_TO_PROTO[body.onDuplicate],
            dryRun: body.dryRun,
            fileName: body.fileName ?? '',
          },
          requestContext(req, res),
        );
        const resource = toImportJobResource(job);
        res.status(201).setHeader('Location', resource.links.self);
        res.json(resource);
      },
    )
    .all(methodNotAllowed('POST'));

  router
    .route('/imports/contacts')
    .post(requirePermission('contact:import'), async (req, res) => {
      requireCsv(req);
      const query = parseOrThrow(OneShotImportQuerySchema, req.query, 'query');
      const ctx = requestContext(req, res);
      // Opened by the upload once the mapping fits the header and a first batch is read.
      let opened: string | undefined;
      const openJob = async () => {
        const job = await imports.start(
          {
            kind: KIND_TO_PROTO[query.kind],
            onDuplicate: ACTION_TO_PROTO[query.onDuplicate],
            dryRun: query.dryRun,
            fileName: query.fileName ?? '',
          },
          ctx,
        );
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
        const stored = Number((await imports.get(opened, ctx)).checkpoint);
        if (stored === 0) throw err;
        const path = `/v1/imports/${encodeURIComponent(opened)}`;
        const detail = `${err.detail} Import ${opened} keeps rows 1 to ${stored}; continue with POST ${path}/rows?firstRow=${stored + 1}.`;
        throw new GatewayError(err.code, detail, err.errors, { ...err.headers, Location: path });
      });
      result.job = await imports.finish(result.jobId, ctx);
      res.status(201).setHeader('Location', `/v1/imports/${encodeURIComponent(result.jobId)}`);
      res.json(uploadBody(result));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/imports/:id/rows')
    .post(requirePermission('contact:import'), async (req, res) => {
      requireCsv(req);
      const { id } = parseOrThrow(ImportIdParamsSchema, req.params, 'path');
      const query = parseOrThrow(ImportRowsQuerySchema, req.query, 'query');
      const ctx = requestContext(req, res);
      // Reads the job first: a foreign or unknown id is a 404 before the body is read.
      await imports.get(id, ctx);
      const result = await uploadCsv({
        body: req,
        jobId: id,
        firstRow: query.firstRow,
        mapSpecs: query.map,
        imports,
        ctx,
      });
      if (query.final) result.job = await imports.finish(id, ctx);
      res.json(uploadBody(result));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/imports/:id')
    .get(requirePermission('contact:import'), async (req, res) => {
      const { id } = parseOrThrow(ImportIdParamsSchema, req.params, 'path');
      res.json(toImportJobResource(await imports.get(id, requestContext(req, res))));
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/imports/:id/errors.csv')
    .get(requirePermission('contact:import'), async (req, res) => {
      const { id } = parseOrThrow(ImportIdParamsSchema, req.params, 'path');
      const ctx = requestContext(req, res);
      await imports.get(id, ctx);
      let page = await imports.errors({ jobId: id, pageToken: '' }, ctx);
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
        page = await imports.errors({ jobId: id, pageToken: page.nextPageToken }, ctx);
      }
      csv.end();
      await once(res, 'finish');
    })
    .all(methodNotAllowed('GET'));

  return router;
}
