// Request and response schemas of /v1/contacts (people).
import { CONTACT_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { AddressSchema } from './contact-point.schema';
import {
  contactPointFields,
  contactPointPatchFields,
  contactResourceShape,
} from './contact-shape.schema';
import { mergePatchBody } from '../../http/schemas/merge-patch.schema';
import { pageSchema } from '../../http/schemas/paging.schema';
import { requiresOneOf } from '../../http/schemas/cross-field.schema';
import { shortText } from '../../http/schemas/text.schema';

const namePart = shortText(LIMITS.name);
// Prefixes and suffixes ("Dr", "Jr", "KC") are short.
const affix = shortText(LIMITS.namePart);
const gender = shortText(LIMITS.gender);
const pronouns = shortText(LIMITS.pronouns);
const isoDate = z.iso.date().openapi({ example: '1990-04-21' });

/** Fields only a person has, as a create body takes them. */
const personalFields = {
  birthDate: isoDate.optional(),
  gender: gender.optional().openapi({ description: 'As the person describes it.' }),
  pronouns: pronouns.optional().openapi({ example: 'she/her' }),
  deceased: z
    .boolean()
    .optional()
    .openapi({ description: 'A deceased person is never contacted.' }),
  deceasedDate: isoDate.optional().openapi({ description: 'Implies deceased.' }),
};

export const PersonNameInputSchema = requiresOneOf(
  z.strictObject({
    prefix: affix.optional(),
    firstName: namePart.optional(),
    middleName: namePart.optional(),
    lastName: namePart.optional(),
    suffix: affix.optional(),
    preferredName: namePart.optional(),
  }),
  ['firstName', 'lastName'],
  'A person needs a firstName or a lastName.',
).openapi('PersonNameInput', { description: 'At least firstName or lastName.' });

export const CreatePersonBodySchema = z
  .strictObject({
    kind: z.literal('person').optional(),
    name: PersonNameInputSchema,
    ...personalFields,
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
    birthDate: isoDate.nullable().optional(),
    gender: gender.nullable().optional(),
    pronouns: pronouns.nullable().optional(),
    deceased: z.boolean().optional(),
    deceasedDate: isoDate.nullable().optional(),
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
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    pronouns: z.string().nullable(),
    deceased: z.boolean(),
    deceasedDate: z.string().nullable(),
    householdAddress: z
      .object({ householdId: z.string(), address: AddressSchema })
      .nullable()
      .openapi({
        description:
          'Read-only: the household mailing address the person inherits (set through the ' +
          "household's members, inheritsAddress). Mail reachability counts it when the " +
          'person has no usable address of their own.',
      }),
    ...contactResourceShape,
  })
  .openapi('Person');

export const PersonPageSchema = pageSchema(PersonSchema, 'PersonPage');
