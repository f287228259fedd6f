// Request and response schemas of /v1/relationships, /v1/relationship-types and the
// relationship lists under /v1/contacts/{id} and /v1/organizations/{id}. Limits and the type
// code pattern come from @kith/contracts, shared with the contact service's own rules.
import {
  RELATIONSHIP_FIELD_LIMITS as LIMITS,
  RELATIONSHIP_TYPE_CODE_PATTERN,
} from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../http/schemas/paging.schema';
import { IdSchema } from '../../http/schemas/parameters.schema';
import { freeText, shortText } from '../../http/schemas/text.schema';

const ContactIdSchema = IdSchema.openapi({ example: '01934f6a-7c1e-7d2a-9f00-3c5e8a1b2c3d' });
const TypeCodeSchema = z
  .string()
  .max(LIMITS.typeCode)
  .regex(RELATIONSHIP_TYPE_CODE_PATTERN, 'A lower-case slug: a-z, 0-9 and single hyphens.')
  .openapi({ example: 'employee-of' });
const DateSchema = z.iso.date('A date written YYYY-MM-DD.').openapi({ example: '2024-03-01' });
const DescriptionSchema = freeText(LIMITS.description);
const LabelSchema = shortText(LIMITS.label);
const ContactKindSideSchema = z
  .enum(['person', 'organization', 'any'])
  .openapi({ description: 'Which kind of contact may stand on this side.' });

export const CreateRelationshipBodySchema = z
  .strictObject({
    typeCode: TypeCodeSchema,
    contactAId: ContactIdSchema.openapi({
      description: 'Reads the relationship with labelAToB ("employee of").',
    }),
    contactBId: ContactIdSchema.openapi({
      description: 'Reads it with labelBToA ("employer of").',
    }),
    startDate: DateSchema.optional(),
    endDate: DateSchema.optional().openapi({
      description: 'The first day it no longer holds; on or after startDate.',
    }),
    description: DescriptionSchema.optional(),
  })
  .openapi('CreateRelationshipRequest');

export const PatchRelationshipBodySchema = mergePatchBody(
  z.strictObject({
    startDate: DateSchema.nullable().optional(),
    endDate: DateSchema.nullable().optional().openapi({
      description: 'Set it to end the relationship; null reopens it.',
    }),
    description: DescriptionSchema.nullable().optional(),
  }),
  'PatchRelationshipRequest',
);

export const RelationshipSchema = z
  .object({
    id: z.string(),
    version: z.number().int().openapi({ description: 'Also sent as the ETag: "<version>".' }),
    typeCode: z.string(),
    labelAToB: z.string(),
    labelBToA: z.string(),
    symmetric: z.boolean(),
    contactAId: z.string(),
    contactBId: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    description: z.string().nullable(),
    active: z.boolean().openapi({ description: 'No end date, or one after today (UTC).' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletedAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'Set only in the response to DELETE.' }),
  })
  .openapi('Relationship');

export const ContactRelationshipSchema = z
  .object({
    id: z.string().openapi({ description: 'The relationship id.' }),
    version: z.number().int(),
    typeCode: z.string(),
    label: z.string().openapi({
      description: 'What this contact is to the other, e.g. "employer of".',
    }),
    side: z.enum(['a', 'b']).openapi({ description: 'a: this contact is contactA.' }),
    otherContact: z.object({
      id: z.string(),
      kind: z.enum(['person', 'organization']),
      displayName: z.string(),
    }),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    description: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('ContactRelationship');

export const ContactRelationshipPageSchema = pageSchema(
  ContactRelationshipSchema,
  'ContactRelationshipPage',
);

const limit = pageSizeQuery({ noun: 'Page size' });
const cursor = cursorQuery('nextCursor from the previous page. Repeat the same filters with it.');

export const ContactRelationshipsQuerySchema = z.strictObject({
  limit,
  cursor,
  typeCode: TypeCodeSchema.optional().openapi({ description: 'Only this type.' }),
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ description: 'Also ended relationships (default false).' }),
});

export const RelationshipTypesQuerySchema = z.strictObject({ limit, cursor });

export const CreateRelationshipTypeBodySchema = z
  .strictObject({
    code: TypeCodeSchema,
    labelAToB: LabelSchema,
    labelBToA: LabelSchema.optional().openapi({
      description: 'Required unless symmetric; a symmetric type reads labelAToB both ways.',
    }),
    contactKindA: ContactKindSideSchema,
    contactKindB: ContactKindSideSchema,
    symmetric: z.boolean().default(false),
  })
  .openapi('CreateRelationshipTypeRequest', {
    // The service's rules, stated: an asymmetric type reads labelBToA the other way; a
    // symmetric one reads labelAToB both ways, between contacts of one kind.
    anyOf: [
      { required: ['labelBToA'], properties: { symmetric: { const: false } } },
      ...(['person', 'organization', 'any'] as const).map((kind) => ({
        required: ['symmetric'],
        properties: {
          symmetric: { const: true },
          contactKindA: { const: kind },
          contactKindB: { const: kind },
        },
      })),
    ],
  });

export const PatchRelationshipTypeBodySchema = mergePatchBody(
  z.strictObject({
    labelAToB: LabelSchema.optional(),
    labelBToA: LabelSchema.optional(),
    active: z.boolean().optional().openapi({
      description: 'false deactivates: existing relationships stay, new ones are refused.',
    }),
  }),
  'PatchRelationshipTypeRequest',
);

export const RelationshipTypeSchema = z
  .object({
    code: z.string(),
    labelAToB: z.string(),
    labelBToA: z.string(),
    contactKindA: z.string(),
    contactKindB: z.string(),
    symmetric: z.boolean(),
    active: z.boolean(),
    builtIn: z.boolean(),
    version: z.number().int().openapi({ description: 'Also sent as the ETag: "<version>".' }),
    createdAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .openapi('RelationshipType');

export const RelationshipTypePageSchema = pageSchema(
  RelationshipTypeSchema,
  'RelationshipTypePage',
);

export const TypeCodeParamsSchema = z.strictObject({
  code: TypeCodeSchema.openapi({ param: { name: 'code', in: 'path' } }),
});
