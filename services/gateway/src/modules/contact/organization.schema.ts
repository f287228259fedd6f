// Request and response schemas of /v1/organizations.
import { CONTACT_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import {
  contactPointFields,
  contactPointPatchFields,
  contactResourceShape,
} from './contact-shape.schema';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { pageSchema } from '../../http/schemas/paging.schema';
import { maxChars, shortText } from '../../http/schemas/text.schema';

const OrganizationTypeSchema = shortText(LIMITS.organizationType).openapi({
  description: 'e.g. company, foundation, government, school',
});
const OrganizationNameSchema = shortText(LIMITS.organizationName);
const WebsiteSchema = maxChars(z.url({ protocol: /^https?$/ }), LIMITS.website).openapi({
  example: 'https://example.org',
});

export const CreateOrganizationBodySchema = z
  .strictObject({
    kind: z.literal('organization').optional(),
    name: OrganizationNameSchema,
    organizationType: OrganizationTypeSchema.optional(),
    website: WebsiteSchema.optional(),
    ...contactPointFields,
  })
  .openapi('CreateOrganizationRequest');

export const PatchOrganizationBodySchema = mergePatchBody(
  z.strictObject({
    name: OrganizationNameSchema.optional(),
    organizationType: OrganizationTypeSchema.nullable().optional(),
    website: WebsiteSchema.nullable().optional(),
    ...contactPointPatchFields,
  }),
  'PatchOrganizationRequest',
);

export const OrganizationSchema = z
  .object({
    id: z.string(),
    kind: z.literal('organization'),
    version: z.number().int().openapi({ description: 'Also sent as the ETag: "<version>".' }),
    name: z.string(),
    organizationType: z.string().nullable(),
    website: z.string().nullable(),
    ...contactResourceShape,
  })
  .openapi('Organization');

export const OrganizationPageSchema = pageSchema(OrganizationSchema, 'OrganizationPage');
