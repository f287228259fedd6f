// Schemas of the relationship events on kith.contact.v1 (the contact service owns this family).
// Same evolution rule as contact events: add optional fields only; breaking changes are `.v2`.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');
const isoDate = z.iso.date().describe('YYYY-MM-DD');
const contactKindSide = z.enum(['person', 'organization', 'any']);

export const RelationshipSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z
      .number()
      .int()
      .nonnegative()
      .describe('optimistic-concurrency version after the change'),
    typeCode: z.string().min(1).describe('relationship type code, e.g. employee-of'),
    labelAToB: z.string().describe('how contact A reads it, e.g. "employee of"'),
    labelBToA: z.string().describe('how contact B reads it, e.g. "employer of"'),
    symmetric: z.boolean().describe('A–B means the same as B–A; the pair is stored in one order'),
    contactAId: z.string().min(1),
    contactBId: z.string().min(1),
    startDate: isoDate.optional(),
    endDate: isoDate.optional().describe('the first day it no longer holds'),
    description: z.string().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
    deletedAt: isoTime.optional(),
  })
  .describe('Full state of a relationship after the change, with its type labels at that time');

export const RelationshipCreatedDataSchema = z.object({ relationship: RelationshipSnapshotSchema });

export const RelationshipUpdatedDataSchema = z.object({
  relationship: RelationshipSnapshotSchema,
  changedFields: z.array(z.string()).describe('snapshot fields that changed'),
});

export const RelationshipDeletedDataSchema = z.object({
  relationship: RelationshipSnapshotSchema.describe('last state; deletedAt is set'),
});

export const RelationshipTypeSnapshotSchema = z
  .object({
    tenantId: z.string().min(1),
    code: z.string().min(1),
    labelAToB: z.string(),
    labelBToA: z.string(),
    contactKindA: contactKindSide,
    contactKindB: contactKindSide,
    symmetric: z.boolean(),
    active: z.boolean(),
    builtIn: z.boolean().describe('a built-in type the tenant changed'),
    version: z.number().int().nonnegative(),
    createdAt: isoTime.optional(),
    updatedAt: isoTime.optional(),
  })
  .describe("A tenant's relationship type after the change");

export const RelationshipTypeChangedDataSchema = z.object({
  relationshipType: RelationshipTypeSnapshotSchema,
  change: z.enum(['created', 'updated']).describe('a new tenant type, or a changed one'),
  changedFields: z.array(z.string()).describe('fields that changed; empty for created'),
});

export type RelationshipSnapshot = z.infer<typeof RelationshipSnapshotSchema>;
export type RelationshipTypeSnapshot = z.infer<typeof RelationshipTypeSnapshotSchema>;
