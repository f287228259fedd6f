// The fields people and organizations share, as bodies take them and resources show them.
import { z } from '../../http/schemas/zod';
import {
  AddressListSchema,
  AddressSchema,
  EmailListSchema,
  EmailSchema,
  OwnerIdSchema,
  PhoneListSchema,
  PhoneSchema,
  SourceSchema,
  TagListSchema,
} from './contact-point.schema';
import { CommunicationSchema, ReachabilitySchema } from './consent.schema';
import { CustomFieldPatchSchema, CustomFieldValuesSchema } from './custom-field-value.schema';

/** What every kind of contact has, as a create body takes it. */
export const contactPointFields = {
  customFields: CustomFieldValuesSchema.optional(),
  emails: EmailListSchema.optional(),
  phones: PhoneListSchema.optional(),
  addresses: AddressListSchema.optional(),
  doNotContact: z
    .boolean()
    .optional()
    .openapi({ description: 'No outreach on any channel, whatever the consents say.' }),
  tags: TagListSchema.optional(),
  source: SourceSchema.optional(),
  ownerId: OwnerIdSchema.optional(),
};

/** The same in a merge patch: null clears the optional texts. */
export const contactPointPatchFields = {
  ...contactPointFields,
  customFields: CustomFieldPatchSchema.optional(),
  source: SourceSchema.nullable().optional(),
  ownerId: OwnerIdSchema.nullable().optional(),
};

/** Fields every contact resource carries, in the order they are serialised. */
export const contactResourceShape = {
  displayName: z.string(),
  emails: z.array(EmailSchema),
  phones: z.array(PhoneSchema),
  addresses: z.array(AddressSchema),
  doNotContact: z.boolean(),
  customFields: z.record(z.string(), z.unknown()),
  communication: CommunicationSchema,
  reachability: ReachabilitySchema,
  tags: z.array(z.string()),
  source: z.string().nullable(),
  ownerId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso
    .datetime()
    .nullable()
    .openapi({ description: 'Set only in the response to DELETE.' }),
};
