// Schemas of the bulk import events on kith.contact.v1 (the contact service runs imports).
// The contacts an import creates or updates publish their own contact events; this one says
// that a whole file is done, with its counts. Add optional fields only.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const ContactImportSnapshotSchema = z.object({
  id: z.string().min(1).describe('import job id'),
  tenantId: z.string().min(1),
  kind: z.enum(['person', 'organization']).describe('what every row of the file was'),
  onDuplicate: z.enum(['skip', 'update', 'create']),
  dryRun: z.boolean().describe('true: nothing but the job was written'),
  fileName: z.string().optional(),
  rows: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  createdBy: z.string().optional().describe('the user (JWT sub) who started it'),
  createdAt: isoTime,
  finishedAt: isoTime,
});
export type ContactImportSnapshot = z.infer<typeof ContactImportSnapshotSchema>;

export const ContactImportFinishedDataSchema = z.object({
  contactImport: ContactImportSnapshotSchema,
  actorId: z.string().optional().describe('who finished it (JWT sub)'),
});
