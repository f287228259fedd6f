// Request and response schemas of /v1/organizations.
import { z } from '../../http/schemas/zod';
import {
  contactPointFields,
  contactPointPatchFields,
  contactResourceShape,
} from './contact-shape.schema';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { pageSchema } from '../../http/schemas/paging.schema';
import { shortText } from '../../http/schemas/text.schema';

const OrganizationTypeSchema = shortText(100).openapi({
  description: 'e.g. company, foundation, government, school',
});
const WebsiteSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .openapi({ example: 'https://example.org' });

export const CreateOrganizationBodySchema = z
  .strictObject({
    kind: z.literal('organization').optional(),
    name: shortText(200),
    organizationType: OrganizationTypeSchema.optional(),
    website: WebsiteSchema.optional(),
    ...contactPointFields,
  })
  .openapi('CreateOrganizationRequest');

export const PatchOrganizationBodySchema = mergePatchBody(
  z.strictObject({
    name: shortText(200).optional(),
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
