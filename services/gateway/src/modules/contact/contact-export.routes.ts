// GET /v1/contacts/export.csv and /v1/organizations/export.csv: the list with the same
// filters, as CSV, streamed page by page (never the whole list in memory). A failure after
// the first bytes cannot become a problem response any more: the connection is cut, so the
// client sees a truncated transfer rather than a file that looks complete. The tenant's
// custom field definitions are read once per export, for the `cf.<key>` columns.
import { once } from 'node:events';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { stringify, type Stringifier } from 'csv-stringify';
import { listRequest } from '../../domain/contact-commands';
import { exportHeader, toExportRecord } from '../../domain/contact-export';
import { resourceKindOf, type ResourceKind } from './contact.mapper';
import { PAGE_SIZE_LIMITS } from '@kith/paging';
import type { RequestContext } from '../../grpc/upstream-call';
import type { ContactClient, CustomFieldClient } from './contact.client';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { problems } from '../../http/openapi-kit';
import { ExportQuerySchema } from './import.schema';

const EXPORTS = [
  {
    kind: 'person' as const,
    path: '/contacts/export.csv',
    fileName: 'contacts.csv',
    operationId: 'exportContacts',
    summary: 'Export people as CSV',
    description:
      'The list with the same filters, streamed page by page; the columns import again as ' +
      'they are (the id column ties each row to its record). The fixed columns end with ' +
      'consent.<channel>.status and .capturedAt per channel (the current consent); then ' +
      'one cf.<key> column per live custom field of the ' +
      'record type, written as the import reads it (booleans true/false, multi-selects ' +
      '"a; b").',
    answer: 'The people.',
  },
  {
    kind: 'organization' as const,
    path: '/organizations/export.csv',
    fileName: 'organizations.csv',
    operationId: 'exportOrganizations',
    summary: 'Export organizations as CSV',
    description: 'As /v1/contacts/export.csv.',
    answer: 'The organizations.',
  },
];

/** The ListCustomFields maximum; a record type holds at most 200 definitions. */
const DEFINITIONS_PAGE_SIZE = 200;

async function write(csv: Stringifier, record: string[]): Promise<void> {
  if (!csv.write(record)) await once(csv, 'drain');
}

/**
 * The record type's live definitions, in key order. Archived ones are left out: the import
 * refuses new values for them, so their column would fail every row that has one.
 */
async function exportedCustomFieldKeys(
  customFields: CustomFieldClient,
  recordType: ResourceKind,
  ctx: RequestContext,
): Promise<string[]> {
  const keys: string[] = [];
  let pageToken = '';
  do {
    const page = await customFields.ListCustomFields(
      { recordType, includeArchived: false, pageSize: DEFINITIONS_PAGE_SIZE, pageToken },
      ctx,
    );
    for (const field of page.customFields) keys.push(field.key);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return keys;
}

/** A CSV answer, documented as text. */
export const csvResponse = (description: string): ResponseConfig => ({
  description,
  content: { 'text/csv': { schema: { type: 'string' } } },
});

export function exportOperations(
  contacts: ContactClient,
  customFields: CustomFieldClient,
): Operation[] {
  return EXPORTS.map((spec) =>
    defineOperation({
      method: 'get',
      path: spec.path,
      operationId: spec.operationId,
      summary: spec.summary,
      description: spec.description,
      tags: ['Imports and exports'],
      permission: 'contact:export-csv',
      query: ExportQuerySchema,
      responses: { 200: csvResponse(spec.answer), ...problems(400, 403) },
      async handle({ query: filters, ctx, res }) {
        // The definitions and the first page before any byte is sent: a bad filter or a down
        // service is still a proper problem response.
        const customFieldKeys = await exportedCustomFieldKeys(customFields, spec.kind, ctx);
        let page = await contacts.ListContacts(
          listRequest(spec.kind, PAGE_SIZE_LIMITS.maxSize, '', filters),
          ctx,
        );
        res.status(200).type('text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${spec.fileName}"`);
        const csv = stringify();
        csv.pipe(res);
        try {
          await write(csv, exportHeader(customFieldKeys));
          for (;;) {
            for (const contact of page.contacts) {
              if (resourceKindOf(contact) !== spec.kind) continue;
              await write(csv, toExportRecord(contact, customFieldKeys));
            }
            if (!page.nextPageToken) break;
            page = await contacts.ListContacts(
              listRequest(spec.kind, PAGE_SIZE_LIMITS.maxSize, page.nextPageToken, filters),
              ctx,
            );
          }
        } catch (err) {
          res.destroy(err instanceof Error ? err : new Error(String(err)));
          throw err;
        }
        csv.end();
        await once(res, 'finish');
      },
    }),
  );
}
