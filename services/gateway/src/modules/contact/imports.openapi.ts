// OpenAPI registration of the import and export routes (imports.routes.ts,
// contact-export.router.ts), from the same zod schemas that validate their requests.
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { json, problems, rolesNote } from '../../http/openapi-kit';
import { IdempotencyHeadersSchema } from '../../http/schemas/parameters.schema';
import {
  ExportQuerySchema,
  ImportIdParamsSchema,
  ImportJobSchema,
  ImportRowsQuerySchema,
  ImportUploadResultSchema,
  OneShotImportQuerySchema,
  StartImportBodySchema,
} from './import.schema';

const TAG = 'Imports and exports';

const csvBody = (description: string) => ({
  required: true,
  description,
  content: { 'text/csv': { schema: { type: 'string' as const } } },
});

const csvResponse = (description: string): ResponseConfig => ({
  description,
  content: { 'text/csv': { schema: { type: 'string' } } },
});

export function registerImportRoutes(registry: OpenAPIRegistry): void {
  const routes: RouteConfig[] = [
    {
      method: 'post',
      path: '/imports/contacts',
      operationId: 'importContactsCsv',
      summary: 'Import a whole CSV file in one request',
      description:
        'The body is streamed, never held in memory. The first row names the columns (see ' +
        'docs/api.md for the default names). Answers when every row is handled; the job is ' +
        `finished. ${rolesNote('contact:import')}`,
      request: {
        query: OneShotImportQuerySchema,
        body: csvBody('The CSV file, header row first.'),
      },
      responses: {
        201: json(ImportUploadResultSchema, 'The finished job and what this upload did.'),
        ...problems(400, 403, 415),
      },
    },
    {
      method: 'post',
      path: '/imports',
      operationId: 'startImport',
      summary: 'Open an import job for an upload in parts',
      description: `Send the parts to /v1/imports/{id}/rows. ${rolesNote('contact:import')}`,
      request: {
        headers: IdempotencyHeadersSchema,
        body: {
          required: false,
          content: { 'application/json': { schema: StartImportBodySchema } },
        },
      },
      responses: {
        201: json(ImportJobSchema, 'The open job.'),
        ...problems(400, 403, 409, 415, 422),
      },
    },
    {
      method: 'post',
      path: '/imports/{id}/rows',
      operationId: 'uploadImportRows',
      summary: 'Upload a part of the file',
      description:
        'Each part repeats the header row; firstRow is its first data row in the whole file. ' +
        'Rows at or below the job checkpoint were stored by an earlier upload and are skipped, ' +
        `so a part can be sent again after a failure. ${rolesNote('contact:import')}`,
      request: {
        params: ImportIdParamsSchema,
        query: ImportRowsQuerySchema,
        body: csvBody('A part of the CSV file, header row first.'),
      },
      responses: {
        200: json(ImportUploadResultSchema, 'The job and what this upload did.'),
        ...problems(400, 403, 404, 415, 422),
      },
    },
    {
      method: 'get',
      path: '/imports/{id}',
      operationId: 'getImport',
      summary: 'Progress of an import',
      description: rolesNote('contact:import'),
      request: { params: ImportIdParamsSchema },
      responses: { 200: json(ImportJobSchema, 'The job.'), ...problems(400, 403, 404) },
    },
    {
      method: 'get',
      path: '/imports/{id}/errors.csv',
      operationId: 'getImportErrors',
      summary: 'The rows that failed, as CSV',
      description:
        'Columns: row, errors, then the columns of the file with the row as read. ' +
        rolesNote('contact:import'),
      request: { params: ImportIdParamsSchema },
      responses: { 200: csvResponse('The error report.'), ...problems(400, 403, 404) },
    },
    {
      method: 'get',
      path: '/contacts/export.csv',
      operationId: 'exportContacts',
      summary: 'Export people as CSV',
      description:
        'The list with the same filters, streamed page by page; the columns import again as ' +
        'they are (the id column ties each row to its record). The fixed columns end with ' +
        'consent.<channel>.status and .capturedAt per channel (the current consent); then ' +
        'one cf.<key> column per live custom field of the ' +
        'record type, written as the import reads it (booleans true/false, multi-selects ' +
        `"a; b"). ${rolesNote('contact:export-csv')}`,
      request: { query: ExportQuerySchema },
      responses: { 200: csvResponse('The people.'), ...problems(400, 403) },
    },
    {
      method: 'get',
      path: '/organizations/export.csv',
      operationId: 'exportOrganizations',
      summary: 'Export organizations as CSV',
      description: `As /v1/contacts/export.csv. ${rolesNote('contact:export-csv')}`,
      request: { query: ExportQuerySchema },
      responses: { 200: csvResponse('The organizations.'), ...problems(400, 403) },
    },
  ];
  for (const route of routes) {
    registry.registerPath({ ...route, tags: [TAG], path: `/v1${route.path}` });
  }
}
