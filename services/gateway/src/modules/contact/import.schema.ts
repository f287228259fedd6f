// Request and response schemas of /v1/imports and the CSV exports. Limits come from
// @kith/contracts, shared with the contact service's own rules.
import { CONTACT_IMPORT_LIMITS as LIMITS } from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { ListQuerySchema } from './contact-list.schema';
import { shortText } from '../../http/schemas/text.schema';
import { MAP_SPEC_PATTERN } from '../../domain/import-mapping';

const kind = z
  .enum(['person', 'organization'])
  .default('person')
  .openapi({ description: 'What every row of the file is (default person).' });

const onDuplicate = z
  .enum(['skip', 'update', 'create'])
  .default('skip')
  .openapi({
    description:
      "A row matching an existing contact by the tenant's matching rules (/v1/matching-rules): " +
      'skip it (default), update the existing one (fill: given values replace, list entries ' +
      'are added), or create anyway.',
  });

const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

const mapSpec = z.string().openapi({ pattern: MAP_SPEC_PATTERN });
const mapParam = z
  .union([mapSpec, z.array(mapSpec)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .openapi({
    description:
      'Column mapping, repeatable: map=E-mail%3Demail (column=field; field "-" ignores the ' +
      'column; besides the contact fields: id, cf.<key>, consent.<channel>.status|capturedAt). ' +
      'Columns not mapped use the default header names (docs/api.md).',
  });

export const StartImportBodySchema = z
  .strictObject({
    kind,
    onDuplicate,
    dryRun: z.boolean().default(false).openapi({ description: 'Validate and match only.' }),
    fileName: shortText(LIMITS.fileName).optional(),
  })
  .openapi('StartImport');

export const ImportRowsQuerySchema = z.strictObject({
  firstRow: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1).openapi({
    description: 'Row number of the first data row of this body in the whole file (default 1).',
  }),
  final: queryFlag.openapi({ description: 'true: this is the last part; the job finishes.' }),
  map: mapParam,
});

export const OneShotImportQuerySchema = z.strictObject({
  kind,
  onDuplicate,
  dryRun: queryFlag.openapi({ description: 'Validate and match only.' }),
  fileName: shortText(LIMITS.fileName).optional(),
  map: mapParam,
});

export const ImportJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'organization']),
    onDuplicate: z.enum(['skip', 'update', 'create']),
    dryRun: z.boolean(),
    status: z.enum(['open', 'finished']),
    checkpoint: z.number().int().openapi({
      description: 'The last row whose outcome is stored: a resumed upload starts after it.',
    }),
    counts: z.object({
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
    }),
    fileName: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
    links: z.object({ self: z.string(), errors: z.string() }),
  })
  .openapi('ContactImport');

export const ImportUploadResultSchema = z
  .object({
    job: ImportJobSchema,
    upload: z.object({
      rows: z.number().int().openapi({ description: 'Data rows in this body.' }),
      alreadyDone: z.number().int().openapi({ description: 'Rows at or below the checkpoint.' }),
      unmappedColumns: z.array(z.string()),
    }),
  })
  .openapi('ContactImportUpload');

export const ImportIdParamsSchema = z.strictObject({ id: shortText(100) });

export const ExportQuerySchema = ListQuerySchema.omit({ limit: true, cursor: true });
