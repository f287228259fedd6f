// Schemas of the kith.household.*.v1 events (on kith.contact.v1, keyed by household id).
// Evolution rule: add optional fields only; anything breaking becomes a new `.v2` type.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const PostalAddressSnapshotSchema = z.object({
  type: z.string().describe('home, work or other'),
  primary: z.boolean(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().describe('ISO 3166-1 alpha-2'),
  valid: z.boolean().describe('false once mail came back undeliverable'),
  validFrom: z.string().optional().describe('YYYY-MM-DD'),
  validTo: z.string().optional().describe('YYYY-MM-DD'),
});

export const HouseholdMemberSnapshotSchema = z.object({
  contactId: z.string().min(1),
  role: z.enum(['adult', 'child']),
  inheritsAddress: z.boolean().describe("the member's mail goes to the household address"),
  joinedAt: isoTime,
  leftAt: isoTime.optional().describe('set once the person left: the entry stays as history'),
  firstName: z.string().optional().describe('name snapshot used to generate the names'),
  lastName: z.string().optional(),
  deceased: z
    .boolean()
    .optional()
    .describe(
      'true once the person died; absent while alive. A deceased member does not name the ' +
        'household while a living member remains',
    ),
});

export const HouseholdSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int().nonnegative(),
    name: z.string().describe('formal name in effect, e.g. "Jane and John Smith"'),
    greeting: z.string().describe('informal greeting in effect, e.g. "Jane and John"'),
    nameOverride: z.string().optional().describe('set by a user; sticks until cleared'),
    greetingOverride: z.string().optional(),
    mailingAddress: PostalAddressSnapshotSchema.optional(),
    members: z.array(HouseholdMemberSnapshotSchema).describe('current and former, join order'),
    createdAt: isoTime,
    updatedAt: isoTime,
    deletedAt: isoTime.optional(),
  })
  .describe('Full state of a household after the change (event-carried state transfer)');

export const HouseholdMemberChangeSchema = z.object({
  contactId: z.string().min(1),
  change: z.enum(['joined', 'left', 'renamed']),
});

export const HouseholdCreatedDataSchema = z.object({ household: HouseholdSnapshotSchema });

export const HouseholdUpdatedDataSchema = z.object({
  household: HouseholdSnapshotSchema,
  changedFields: z.array(z.string()).describe('top-level snapshot fields that changed'),
  memberChanges: z
    .array(HouseholdMemberChangeSchema)
    .describe(
      'who joined, left or had their snapshot refreshed ("renamed": a new name, a death, or ' +
        'an erasure of a former member)',
    ),
});

export const HouseholdDeletedDataSchema = z.object({
  household: HouseholdSnapshotSchema.describe('last state; deletedAt set, every member left'),
});

export type HouseholdSnapshot = z.infer<typeof HouseholdSnapshotSchema>;
export type HouseholdMemberChange = z.infer<typeof HouseholdMemberChangeSchema>;
export type HouseholdCreatedData = z.infer<typeof HouseholdCreatedDataSchema>;
export type HouseholdUpdatedData = z.infer<typeof HouseholdUpdatedDataSchema>;
export type HouseholdDeletedData = z.infer<typeof HouseholdDeletedDataSchema>;
