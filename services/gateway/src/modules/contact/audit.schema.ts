// A record's audit trail: its query and its page.
import { z } from '../../http/schemas/zod';
import { pageSizeQuery } from '../../http/schemas/paging.schema';

export const AuditQuerySchema = z.strictObject({
  limit: pageSizeQuery(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Not a cursor this API issued.')
    .optional(),
});

export const AuditEntrySchema = z
  .object({
    id: z.string().openapi({ description: 'The id of the event the entry comes from.' }),
    version: z.number().int(),
    at: z.iso.datetime(),
    action: z.enum(['created', 'updated', 'deleted', 'consent-changed', 'erased', 'merged']),
    actorId: z.string().nullable().openapi({ description: 'User id (JWT sub) who did it.' }),
    changes: z.array(
      z.object({
        field: z.string(),
        before: z
          .unknown()
          .openapi({ description: 'null when unset, on a created entry, and after an erasure' }),
        after: z.unknown().openapi({
          description:
            'null when cleared, on a created entry (it names the fields a creation set, not ' +
            'their values), and after an erasure',
        }),
      }),
    ),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditPage');
