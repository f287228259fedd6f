// Schemas of the duplicate-handling events on kith.contact.v1: a merge (keyed by the survivor's
// id) and a change of a tenant's matching rules. Evolution rule: add optional fields only.
import { z } from 'zod';
import { ContactSnapshotSchema } from './contact-events.schema';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const ContactMergedDataSchema = z.object({
  contact: ContactSnapshotSchema.describe('the survivor after absorbing the victim'),
  survivorId: z.string().min(1),
  victimId: z
    .string()
    .min(1)
    .describe('now a tombstone (deleted, mergedInto = survivorId): re-point its records'),
  victim: ContactSnapshotSchema.optional().describe('the victim tombstone, deletedAt set'),
  fieldChoices: z
    .record(z.string(), z.enum(['survivor', 'victim']))
    .describe('which side each scalar field came from; lists are unioned'),
  actorId: z.string().optional().describe('the user (JWT sub) who merged'),
});

export const MatchingRuleSchema = z.object({
  name: z.string().min(1),
  fields: z.array(
    z.enum([
      'email',
      'phone',
      'firstName',
      'lastName',
      'organizationName',
      'postalCode',
      'birthDate',
    ]),
  ),
  weight: z.number().int().positive(),
});

export const MatchingRulesSnapshotSchema = z
  .object({
    tenantId: z.string().min(1),
    version: z.number().int().positive(),
    threshold: z.number().int().positive(),
    rules: z.array(MatchingRuleSchema),
    updatedAt: isoTime,
  })
  .describe("A tenant's duplicate-matching rule set after the change");

export const MatchingRulesChangedDataSchema = z.object({
  matchingRules: MatchingRulesSnapshotSchema,
  actorId: z.string().optional(),
});

export type ContactMergedData = z.infer<typeof ContactMergedDataSchema>;
export type MatchingRulesChangedData = z.infer<typeof MatchingRulesChangedDataSchema>;
