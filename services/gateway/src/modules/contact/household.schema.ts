// Request and response schemas of /v1/households. Limits come from @kith/contracts
// field-limits.ts, shared with the contact service's own rules, so the gateway refuses early
// what the service would refuse, and nothing it accepts.
import { HOUSEHOLD_FIELD_LIMITS } from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { AddressInputSchema } from './contact-point.schema';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../http/schemas/paging.schema';
import { IdSchema } from '../../http/schemas/parameters.schema';
import { shortText } from '../../http/schemas/text.schema';

// The contacts' address shape; a household's one mailing address is its primary one.
export const PostalAddressInputSchema = AddressInputSchema.extend({
  primary: z.boolean().default(true),
}).openapi('PostalAddressInput');

const override = shortText(HOUSEHOLD_FIELD_LIMITS.name);

export const CreateHouseholdBodySchema = z
  .strictObject({
    nameOverride: override.optional().openapi({
      description: 'Formal name to use instead of the generated one ("Jane and John Smith").',
    }),
    greetingOverride: override.optional().openapi({
      description: 'Informal greeting to use instead of the generated one ("Jane and John").',
    }),
    mailingAddress: PostalAddressInputSchema.optional(),
  })
  .openapi('CreateHouseholdBody');

export const PatchHouseholdBodySchema = mergePatchBody(
  z.strictObject({
    nameOverride: override.nullable().optional(),
    greetingOverride: override.nullable().optional(),
    mailingAddress: PostalAddressInputSchema.nullable().optional(),
  }),
  'PatchHouseholdBody',
);

export const AddMemberBodySchema = z
  .strictObject({
    contactId: IdSchema,
    role: z.enum(['adult', 'child']).default('adult').openapi({
      description: 'Adults name the household; children only when there is no adult.',
    }),
    inheritsAddress: z.boolean().default(true).openapi({
      description: "The member's mail goes to the household's mailing address.",
    }),
  })
  .openapi('AddHouseholdMemberBody');

export const MemberParamsSchema = z.strictObject({
  id: IdSchema,
  contactId: IdSchema.openapi({ param: { name: 'contactId', in: 'path' } }),
});

export const HouseholdListQuerySchema = z.strictObject({
  limit: pageSizeQuery({ noun: 'Page size' }),
  cursor: cursorQuery('nextCursor from the previous page.'),
});

const PostalAddressSchema = z
  .object({
    type: z.string(),
    primary: z.boolean(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    countryCode: z.string(),
    valid: z.boolean(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  })
  .openapi('PostalAddress');

const HouseholdMemberSchema = z
  .object({
    contactId: z.string(),
    role: z.enum(['adult', 'child']),
    inheritsAddress: z.boolean(),
    firstName: z.string().nullable().openapi({ description: 'Name snapshot used for naming.' }),
    lastName: z.string().nullable(),
    deceased: z.boolean().openapi({
      description:
        'The person died. A deceased member does not name the household while a living ' +
        'member remains; overrides stay as set.',
    }),
    joinedAt: z.iso.datetime(),
    leftAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'null while a member; set once they left (kept as history).' }),
  })
  .openapi('HouseholdMember');

export const HouseholdSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string().openapi({ description: 'Formal name in effect (override or generated).' }),
    greeting: z.string().openapi({ description: 'Informal greeting in effect.' }),
    nameOverride: z.string().nullable(),
    greetingOverride: z.string().nullable(),
    mailingAddress: PostalAddressSchema.nullable(),
    members: z.array(HouseholdMemberSchema).openapi({
      description: 'Current and former members, in the order they joined.',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletedAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'Set only in the response to DELETE.' }),
  })
  .openapi('Household');

export const HouseholdPageSchema = pageSchema(HouseholdSchema, 'HouseholdPage');
