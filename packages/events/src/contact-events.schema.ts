// Schemas of the kith.contact.v1 events. Evolution rule: add optional fields only; anything
// breaking becomes a new `.v2` type. Objects strip unknown keys, so an older consumer accepts
// a newer producer's additions.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const ContactEmailSchema = z.object({
  address: z.string().min(1),
  type: z.string().describe('e.g. home, work, other'),
  primary: z.boolean(),
});

export const ContactPhoneSchema = z.object({
  number: z.string().min(1),
  type: z.string().describe('e.g. mobile, home, work, other'),
  primary: z.boolean(),
});

export const ContactSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    kind: z.enum(['person', 'organization']),
    version: z
      .number()
      .int()
      .nonnegative()
      .describe('optimistic-concurrency version after the change'),
    displayName: z.string(),
    person: z
      .object({
        prefix: z.string().optional(),
        firstName: z.string().optional(),
        middleName: z.string().optional(),
        lastName: z.string().optional(),
        suffix: z.string().optional(),
        preferredName: z.string().optional(),
      })
      .optional(),
    organization: z
      .object({
        name: z.string(),
        organizationType: z.string().optional(),
        website: z.string().optional(),
      })
      .optional(),
    emails: z.array(ContactEmailSchema),
    phones: z.array(ContactPhoneSchema),
    tags: z.array(z.string()),
    source: z.string().optional(),
    ownerId: z.string().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
    deletedAt: isoTime.optional(),
  })
  .describe('Full state of a contact after the change (event-carried state transfer)');

export const ContactCreatedDataSchema = z.object({ contact: ContactSnapshotSchema });

export const ContactUpdatedDataSchema = z.object({
  contact: ContactSnapshotSchema,
  changedFields: z.array(z.string()).describe('top-level snapshot fields that changed'),
});

export const ContactDeletedDataSchema = z.object({
  contact: ContactSnapshotSchema.describe('last state; deletedAt is set'),
});

export type ContactSnapshot = z.infer<typeof ContactSnapshotSchema>;
export type ContactCreatedData = z.infer<typeof ContactCreatedDataSchema>;
export type ContactUpdatedData = z.infer<typeof ContactUpdatedDataSchema>;
export type ContactDeletedData = z.infer<typeof ContactDeletedDataSchema>;
