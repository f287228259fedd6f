// Request and response schemas of /v1/contacts (people).
import { z } from './zod';
import {
  contactPointFields,
  contactPointPatchFields,
  contactResourceShape,
  mergePatchBody,
  pageSchema,
  shortText,
} from './common.schema';

const namePart = shortText(100);
// Prefixes and suffixes ("Dr", "Jr", "KC") are short; the service allows 20 characters.
const affix = shortText(20);

export const PersonNameInputSchema = z
  .strictObject({
    prefix: affix.optional(),
    firstName: namePart.optional(),
    middleName: namePart.optional(),
    lastName: namePart.optional(),
    suffix: affix.optional(),
    preferredName: namePart.optional(),
  })
  .refine((n) => Boolean(n.firstName ?? n.lastName), {
    message: 'A person needs a firstName or a lastName.',
  })
  .openapi('PersonNameInput', { description: 'At least firstName or lastName.' });

export const CreatePersonBodySchema = z
  .strictObject({
    kind: z.literal('person').optional(),
    name: PersonNameInputSchema,
    ...contactPointFields,
  })
  .openapi('CreatePersonRequest');

export const PatchPersonBodySchema = mergePatchBody(
  z.strictObject({
    name: z
      .strictObject({
        prefix: affix.nullable().optional(),
        firstName: namePart.nullable().optional(),
        middleName: namePart.nullable().optional(),
        lastName: namePart.nullable().optional(),
        suffix: affix.nullable().optional(),
        preferredName: namePart.nullable().optional(),
      })
      .optional(),
    ...contactPointPatchFields,
  }),
  'PatchPersonRequest',
);

export const PersonNameSchema = z
  .object({
    prefix: z.string().nullable(),
    firstName: z.string().nullable(),
    middleName: z.string().nullable(),
    lastName: z.string().nullable(),
    suffix: z.string().nullable(),
    preferredName: z.string().nullable(),
  })
  .openapi('PersonName');

export const PersonSchema = z
  .object({
    id: z.string(),
    kind: z.literal('person'),
    version: z.number().int().openapi({ description: 'Also sent as the ETag: "<version>".' }),
    name: PersonNameSchema,
    ...contactResourceShape,
  })
  .openapi('Person');

export const PersonPageSchema = pageSchema(PersonSchema, 'PersonPage');
