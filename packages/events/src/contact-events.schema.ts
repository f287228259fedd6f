// Schemas of the kith.contact.v1 events. Evolution rule: add optional fields only; anything
// breaking becomes a new `.v2` type. Objects strip unknown keys, so an older consumer accepts
// a newer producer's additions.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const validFlag = z
  .boolean()
  .optional()
  .describe('false once it proved undeliverable; absent in events older than the field');

export const ContactEmailSchema = z.object({
  address: z.string().min(1),
  type: z.string().describe('e.g. home, work, other'),
  primary: z.boolean(),
  valid: validFlag,
});

export const ContactPhoneSchema = z.object({
  number: z.string().min(1),
  type: z.string().describe('e.g. mobile, home, work, other'),
  primary: z.boolean(),
  valid: validFlag,
});

export const PostalAddressSchema = z.object({
  type: z.string().describe('home, work or other'),
  primary: z.boolean(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().length(2).describe('ISO 3166-1 alpha-2'),
  valid: z.boolean().describe('false once mail came back undeliverable'),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
});

const channel = z.enum(['email', 'sms', 'phone', 'mail']);
const consentStatus = z.enum(['opted_in', 'opted_out', 'unknown']);

export const ConsentRecordSchema = z.object({
  id: z
    .string()
    .optional()
    .describe('unique per record (absent on records stored before ids existed)'),
  channel,
  status: consentStatus,
  source: z.string().describe('where it was captured, e.g. web-form, unsubscribe-link'),
  capturedAt: isoTime.describe('when the person gave or withdrew it'),
  statement: z.string().optional().describe('the wording the person agreed to'),
  campaignId: z.string().optional(),
  recordedAt: isoTime,
  recordedBy: z.string().optional().describe('user id that recorded it'),
});

const ChannelReachabilitySchema = z.object({
  status: consentStatus,
  suppressed: z.boolean().describe('true: the channel must not be used, whatever a campaign wants'),
  reasons: z.array(
    z.enum(['deleted', 'deceased', 'do-not-contact', 'opted-out', 'no-valid-address']),
  ),
});

export const ContactSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    kind: z.enum(['person', 'organization']),
    version: z
      .number()
      .int()
      .nonnegative()
      .describe('optimistic-concurrency version after the change'),
    displayName: z.string(),
    person: z
      .object({
        prefix: z.string().optional(),
        firstName: z.string().optional(),
        middleName: z.string().optional(),
        lastName: z.string().optional(),
        suffix: z.string().optional(),
        preferredName: z.string().optional(),
      })
      .optional(),
    organization: z
      .object({
        name: z.string(),
        organizationType: z.string().optional(),
        website: z.string().optional(),
      })
      .optional(),
    emails: z.array(ContactEmailSchema),
    phones: z.array(ContactPhoneSchema),
    tags: z.array(z.string()),
    addresses: z.array(PostalAddressSchema).optional(),
    householdAddress: z
      .object({ householdId: z.string().min(1), address: PostalAddressSchema })
      .optional()
      .describe(
        "the mailing address of the person's household, which they inherit; counts for mail reachability like their own addresses",
      ),
    source: z.string().optional(),
    ownerId: z.string().optional(),
    birthDate: isoDate.optional(),
    gender: z.string().optional(),
    pronouns: z.string().optional(),
    deceased: z.boolean().optional(),
    deceasedDate: isoDate.optional(),
    doNotContact: z.boolean().optional().describe('no outreach on any channel'),
    customFields: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
      .optional()
      .describe('custom field values by key (see kith.custom-field.defined.v1)'),
    communication: z
      .object({
        email: ConsentRecordSchema.optional(),
        sms: ConsentRecordSchema.optional(),
        phone: ConsentRecordSchema.optional(),
        mail: ConsentRecordSchema.optional(),
      })
      .optional()
      .describe('current consent per channel (latest captured record); absent = unknown'),
    reachability: z
      .object({
        email: ChannelReachabilitySchema,
        sms: ChannelReachabilitySchema,
        phone: ChannelReachabilitySchema,
        mail: ChannelReachabilitySchema,
      })
      .optional()
      .describe(
        'per channel: consent status and whether Kith suppresses it (do not contact, deceased, opted out, no valid address, where for mail an inherited householdAddress counts); enforce at send time',
      ),
    createdAt: isoTime,
    updatedAt: isoTime,
    deletedAt: isoTime.optional(),
    mergedInto: z
      .string()
      .optional()
      .describe('set on a merge victim: the id of the contact that absorbed it'),
  })
  .describe('Full state of a contact after the change (event-carried state transfer)');

const actorId = z.string().optional().describe('the user (JWT sub) who made the change');

export const ContactCreatedDataSchema = z.object({ contact: ContactSnapshotSchema, actorId });

export const ContactUpdatedDataSchema = z.object({
  contact: ContactSnapshotSchema,
  changedFields: z.array(z.string()).describe('top-level snapshot fields that changed'),
  previous: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('the value each changed field had before (null when it was unset)'),
  actorId,
});

export const ContactDeletedDataSchema = z.object({
  contact: ContactSnapshotSchema.describe('last state; deletedAt is set'),
  actorId,
});

export const ContactConsentChangedDataSchema = z.object({
  contact: ContactSnapshotSchema.describe(
    'state after the change, with communication and reachability',
  ),
  consent: ConsentRecordSchema.describe('the record just added to the consent history'),
  actorId,
});

export type ContactSnapshot = z.infer<typeof ContactSnapshotSchema>;
export type ContactCreatedData = z.infer<typeof ContactCreatedDataSchema>;
export type ContactUpdatedData = z.infer<typeof ContactUpdatedDataSchema>;
export type ContactDeletedData = z.infer<typeof ContactDeletedDataSchema>;
export type ContactConsentChangedData = z.infer<typeof ContactConsentChangedDataSchema>;
export type ConsentRecordData = z.infer<typeof ConsentRecordSchema>;
