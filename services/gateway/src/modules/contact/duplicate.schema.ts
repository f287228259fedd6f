// Request and response schemas of matching rules, duplicates and merge. The match fields,
// limits and rule-name pattern come from @kith/contracts, shared with the contact service's
// rules (services/contact/src/domain/contact-matching.ts); merge choices mirror contact-merge.ts.
import {
  MATCH_FIELDS,
  MATCHING_RULE_LIMITS as LIMITS,
  MATCHING_RULE_NAME_PATTERN,
} from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { cursorQuery, pageSizeQuery } from '../../http/schemas/paging.schema';
import { IdSchema } from '../../http/schemas/parameters.schema';
import { PersonSchema } from './person.schema';
import { OrganizationSchema } from './organization.schema';

/** Scalar fields a merge chooses per field (lists are always unioned). */
export const MERGE_CHOICE_FIELDS = [
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'preferredName',
  'birthDate',
  'gender',
  'pronouns',
  'deceasedDate',
  'organizationName',
  'organizationType',
  'website',
  'source',
  'ownerId',
] as const;

export const MatchingRuleSchema = z
  .strictObject({
    name: z
      .string()
      .regex(MATCHING_RULE_NAME_PATTERN, 'Lower-case letters, digits and dashes.')
      .openapi({ example: 'same-email' }),
    fields: z
      .array(z.enum(MATCH_FIELDS))
      .min(1)
      .max(LIMITS.fieldsPerRule)
      .openapi({
        description: 'All must be equal (lists: share a value) for the rule to match.',
        example: ['email'],
        uniqueItems: true,
      }),
    weight: z.number().int().min(1).max(LIMITS.weight).openapi({ example: 10 }),
  })
  .openapi('MatchingRule');

export const PutMatchingRulesBodySchema = z
  .strictObject({
    threshold: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({
      description: 'A pair whose matched rules weigh at least this much is a duplicate.',
      example: 10,
    }),
    rules: z.array(MatchingRuleSchema).min(1).max(LIMITS.rules),
  })
  .openapi('PutMatchingRulesBody');

export const MatchingRulesSchema = z
  .object({
    version: z.number().int().openapi({
      description: 'Also the ETag. 0 while the tenant uses the defaults.',
    }),
    isDefault: z.boolean(),
    threshold: z.number().int(),
    rules: z.array(MatchingRuleSchema),
    updatedAt: z.string().nullable(),
  })
  .openapi('MatchingRules');

export const DuplicateContactSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'organization']),
    displayName: z.string(),
    version: z.number().int(),
  })
  .openapi('DuplicateContact');

export const DuplicateMatchSchema = z
  .object({
    contact: DuplicateContactSchema,
    score: z.number().int(),
    matchedRules: z.array(z.string()),
  })
  .openapi('DuplicateMatch');

export const DuplicateListSchema = z
  .object({ data: z.array(DuplicateMatchSchema) })
  .openapi('DuplicateList');

export const DuplicateScanQuerySchema = z.strictObject({
  limit: pageSizeQuery({ noun: 'Pairs per page' }),
  cursor: cursorQuery('nextCursor from the previous page.'),
  kind: z.enum(['person', 'organization']).optional().openapi({
    description: 'Only pairs of this kind.',
  }),
});

export const DuplicatePairSchema = z
  .object({
    contacts: z.tuple([DuplicateContactSchema, DuplicateContactSchema]),
    score: z.number().int(),
    matchedRules: z.array(z.string()),
  })
  .openapi('DuplicatePair');

export const DuplicateScanPageSchema = z
  .object({
    data: z.array(DuplicatePairSchema),
    nextCursor: z.string().nullable(),
    scannedContacts: z.number().int(),
    truncated: z.boolean().openapi({
      description: 'The tenant has more live contacts than one scan reads (20,000).',
    }),
    skippedKeys: z.array(z.string()).openapi({
      description: 'Match keys shared by too many contacts (over 50) to pair.',
    }),
  })
  .openapi('DuplicateScanPage');

export const MergeBodySchema = z
  .strictObject({
    victimId: IdSchema.openapi({
      description: 'The record absorbed into this one; it becomes a tombstone.',
    }),
    victimVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({
      description: 'Optional: the version of the victim you looked at (409 if it changed).',
    }),
    fieldChoices: z
      .partialRecord(z.enum(MERGE_CHOICE_FIELDS), z.enum(['survivor', 'victim']))
      .default({})
      .openapi({
        // A key outside MERGE_CHOICE_FIELDS is refused; zod-to-openapi does not say so itself.
        additionalProperties: false,
        description:
          "Which side each scalar field comes from. Default: the survivor's value, or the " +
          "victim's when the survivor has none. Emails, phones, addresses and tags are unioned.",
        example: { firstName: 'victim' },
      }),
  })
  .openapi('MergeBody');

export const MergeResultSchema = z
  .object({
    survivor: z.union([PersonSchema, OrganizationSchema]),
    victimId: z.string(),
  })
  .openapi('MergeResult');
