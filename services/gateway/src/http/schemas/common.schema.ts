// Schemas shared by people and organizations: emails, phones, tags, list queries,
// path/header parameters and the problem shape. Limits and patterns mirror the contact
// service's own rules (services/contact/src/domain/contact-validation.ts), so the gateway
// refuses early what the service would refuse, and nothing the service accepts.
import { COUNTRY_CODE_MESSAGE, isCountryCode, textProblem } from '@kith/contracts';
import { z } from './zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../domain/pagination';

/** No control characters, no lone surrogates: the contact service's own rule. */
function wellFormedText(value: string, ctx: z.RefinementCtx): void {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

export const shortText = (max: number) =>
  z.string().trim().min(1).max(max).superRefine(wellFormedText);

// Deliberately loose, like the service: one @, no spaces, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emailAddress = z
  .string()
  .trim()
  .max(254)
  .regex(EMAIL_PATTERN, 'Not a valid email address.')
  .superRefine(wellFormedText)
  .openapi({ format: 'email', example: 'ada@example.org' });

export const EmailInputSchema = z
  .strictObject({
    address: emailAddress,
    type: z.enum(['home', 'work', 'other']).default('other'),
    primary: z.boolean().default(false),
    valid: z
      .boolean()
      .default(true)
      .openapi({ description: 'false once mail bounced hard; outreach by email skips it' }),
  })
  .openapi('EmailInput');

export const PhoneInputSchema = z
  .strictObject({
    number: z
      .string()
      .trim()
      .min(3)
      .max(40)
      .regex(
        /^\+?[0-9\s\-()./]*$/,
        'Digits, spaces and ( ) - . / only, with an optional leading +.',
      ),
    type: z.enum(['home', 'work', 'mobile', 'other']).default('other'),
    primary: z.boolean().default(false),
    valid: z
      .boolean()
      .default(true)
      .openapi({ description: 'false once the number proved wrong or disconnected' }),
  })
  .openapi('PhoneInput');

const isoDate = z.iso.date().openapi({ example: '1990-04-21' });
const COUNTRY_CODE_FORMAT = /^[A-Za-z]{2}$/;

export const AddressInputSchema = z
  .strictObject({
    type: z.enum(['home', 'work', 'other']).default('home'),
    primary: z.boolean().default(false),
    line1: shortText(200),
    line2: shortText(200).optional(),
    city: shortText(100).optional(),
    region: shortText(100).optional(),
    postalCode: shortText(20).optional(),
    countryCode: z
      .string()
      .trim()
      .regex(COUNTRY_CODE_FORMAT, COUNTRY_CODE_MESSAGE)
      // The format stays a pattern for the OpenAPI document; the list is checked once it holds.
      .refine(
        (code) => !COUNTRY_CODE_FORMAT.test(code) || isCountryCode(code.toUpperCase()),
        COUNTRY_CODE_MESSAGE,
      )
      .openapi({
        example: 'US',
        description: 'An assigned ISO 3166-1 alpha-2 code, any case (stored upper case).',
      }),
    valid: z.boolean().default(true).openapi({
      description: 'false once mail came back undeliverable (the invalid-address flag)',
    }),
    validFrom: isoDate.optional().openapi({ description: 'seasonal address: first day in use' }),
    validTo: isoDate.optional().openapi({ description: 'seasonal address: last day in use' }),
  })
  .openapi('AddressInput');

export const EmailListSchema = z.array(EmailInputSchema).max(20);
export const AddressListSchema = z.array(AddressInputSchema).max(10);
export const PhoneListSchema = z.array(PhoneInputSchema).max(20);
export const TagListSchema = z
  .array(shortText(50))
  .max(100)
  .openapi({ description: 'Stored lower-cased and de-duplicated.' });
export const SourceSchema = shortText(100).openapi({
  description: 'Where the record came from: web form, import, event, ...',
});
export const OwnerIdSchema = shortText(200).openapi({
  description: 'User id (JWT sub) who looks after this record. Defaults to the creator.',
});

const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const customFieldKey = z.string().regex(CUSTOM_FIELD_KEY, 'Not a custom field key.');
const customFieldValue = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(100)).max(200),
]);
// zod-to-openapi leaves a record's key schema out; the document states it as propertyNames.
const customFieldKeys = { propertyNames: { pattern: CUSTOM_FIELD_KEY.source } };
export const CustomFieldValuesSchema = z
  .record(customFieldKey, customFieldValue)
  .openapi('CustomFieldValues', {
    ...customFieldKeys,
    description:
      'Values by custom field key (see /v1/custom-fields): text, number, YYYY-MM-DD date, ' +
      'boolean, or the option value(s) of a select.',
  });
const CustomFieldPatchSchema = z.record(customFieldKey, customFieldValue.nullable()).openapi({
  ...customFieldKeys,
  description: 'Keys present change; null clears a value; absent keys stay.',
});

/** `cf.<key>[.gt|gte|lt|lte|exists]=<value>` list filters. */
export const CUSTOM_FIELD_FILTER_PARAM = /^cf\.[a-z][a-z0-9_]{0,39}(\.(gt|gte|lt|lte|exists))?$/;

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

/** A JSON merge patch body: at least one field, documented the same way everywhere. */
export function mergePatchBody<T extends z.ZodObject>(body: T, name: string) {
  return body
    .refine((b) => Object.keys(b).length > 0, { message: 'Send at least one field to change.' })
    .openapi(name, {
      minProperties: 1,
      description:
        'JSON merge patch: absent keys stay, null clears a field, arrays are replaced whole.',
    });
}

export const EmailSchema = z
  .object({ address: z.string(), type: z.string(), primary: z.boolean(), valid: z.boolean() })
  .openapi('Email');
export const PhoneSchema = z
  .object({ number: z.string(), type: z.string(), primary: z.boolean(), valid: z.boolean() })
  .openapi('Phone');
export const AddressSchema = z
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
  .openapi('Address');

const channelEnum = z.enum(['email', 'sms', 'phone', 'mail']);
const consentStatusEnum = z.enum(['opted_in', 'opted_out', 'unknown']);

export const ConsentRecordSchema = z
  .object({
    id: z.string().nullable().openapi({
      description:
        'Unique per record; null on records stored before ids existed. A retry with the same Idempotency-Key answers the same id.',
    }),
    channel: channelEnum,
    status: consentStatusEnum,
    source: z.string(),
    capturedAt: z.iso.datetime(),
    statement: z.string().nullable(),
    campaignId: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string().nullable(),
  })
  .openapi('ConsentRecord');

const ChannelReachabilitySchema = z
  .object({
    status: consentStatusEnum,
    suppressed: z.boolean(),
    reasons: z.array(
      z.enum(['deleted', 'deceased', 'do-not-contact', 'opted-out', 'no-valid-address']),
    ),
  })
  .openapi('ChannelReachability');

export const CommunicationSchema = z
  .object({
    email: ConsentRecordSchema.nullable(),
    sms: ConsentRecordSchema.nullable(),
    phone: ConsentRecordSchema.nullable(),
    mail: ConsentRecordSchema.nullable(),
  })
  .openapi('Communication', { description: 'Current consent per channel; null = unknown.' });

export const ReachabilitySchema = z
  .object({
    email: ChannelReachabilitySchema,
    sms: ChannelReachabilitySchema,
    phone: ChannelReachabilitySchema,
    mail: ChannelReachabilitySchema,
  })
  .openapi('Reachability', {
    description:
      'Per channel: consent status and whether Kith suppresses it (do not contact, deceased, opted out, no valid address).',
  });

export const RecordConsentBodySchema = z
  .strictObject({
    channel: channelEnum,
    status: consentStatusEnum,
    source: shortText(100).openapi({ example: 'web-form' }),
    capturedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'When the person gave or withdrew it; defaults to now.' }),
    statement: shortText(2000)
      .optional()
      .openapi({ description: 'The wording the person agreed to.' }),
    campaignId: shortText(200).optional(),
  })
  .openapi('RecordConsentRequest');

export const ConsentStateSchema = z
  .object({
    communication: CommunicationSchema,
    reachability: ReachabilitySchema,
    history: z.array(ConsentRecordSchema).openapi({ description: 'Every record, oldest first.' }),
  })
  .openapi('ConsentState');

export const RecordConsentResponseSchema = z
  .object({
    consent: ConsentRecordSchema,
    version: z.number().int().openapi({ description: 'The record version after the change.' }),
    communication: CommunicationSchema,
    reachability: ReachabilitySchema,
  })
  .openapi('RecordConsentResponse');

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

export const IdParamsSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id.')
    .openapi({
      param: { name: 'id', in: 'path' },
      example: '01934f6a-7c1e-7d2a-9f00-3c5e8a1b2c3d',
    }),
});

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .openapi({ type: 'boolean' });

export const ListQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ description: `Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
  cursor: z.string().min(1).max(2048).optional().openapi({
    description: 'nextCursor from the previous page. Repeat the same filters with it.',
  }),
  namePrefix: shortText(100).optional().openapi({
    description: 'Case- and accent-insensitive prefix of the display name, first or last name.',
  }),
  email: emailAddress.optional().openapi({
    description: 'Exact email address, compared case-insensitively.',
  }),
  tag: shortText(50).optional().openapi({ description: 'Only records carrying this tag.' }),
  search: shortText(100)
    .optional()
    .openapi({
      description:
        'Prefix of a name (case- and accent-insensitive), an email address or a phone number ' +
        '(digits; "555 01" finds "+1 555 0100").',
    }),
  doNotContact: booleanQuery.optional().openapi({
    description: 'true: only records marked do-not-contact; false: only the others.',
  }),
  deceased: booleanQuery.optional().openapi({ description: 'true or false, like doNotContact.' }),
});

/** The `cf.*` part of a list query: names as CUSTOM_FIELD_FILTER_PARAM, one value each. */
export const CustomFieldFilterQuerySchema = z
  .record(
    z.string().regex(CUSTOM_FIELD_FILTER_PARAM, 'Use cf.<key> or cf.<key>.<gt|gte|lt|lte|exists>.'),
    z.string().max(200),
  )
  .refine((filters) => Object.keys(filters).length <= 10, {
    message: 'At most 10 custom field filters.',
  });

/** Versions start at 1, so "0" is refused here rather than by the service. */
export const IF_MATCH_PATTERN = /^"([1-9]\d{0,14})"$/;

export const IfMatchHeadersSchema = z.object({
  'if-match': z.string().regex(IF_MATCH_PATTERN).openapi({
    description:
      'Required. The version you last read, as a strong entity tag: "3" (the ETag of GET).',
    example: '"3"',
  }),
});

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces.')
    .optional()
    .openapi({
      description:
        'Optional. Retrying with the same key and body replays the first response ' +
        '(Idempotent-Replayed: true); the same key with another body answers 422.',
      example: '5b0c2f9e-3f51-4c9a-9d0e-7c9a1a2b3c4d',
    }),
});

export const FieldProblemSchema = z
  .object({
    field: z.string().openapi({ example: 'emails[0].address' }),
    message: z.string(),
    in: z.enum(['body', 'query', 'path', 'header']),
  })
  .openapi('FieldProblem');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:kith:problem:validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ example: '/v1/contacts' }),
    errors: z.array(FieldProblemSchema),
    mergedInto: z
      .string()
      .optional()
      .openapi({
        description:
          'Extension member, on a not-found for a person or organization that was merged ' +
          'into another, and on the failed-precondition of a merge whose victim already went ' +
          'to another record: the id of the surviving record, which holds its data now (same ' +
          'collection, e.g. /v1/contacts/{mergedInto}).',
        example: '01J9Z3K7Q2X8M4N6P0R5S1T3V7',
      }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details.' });

export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'null on the last page.' }),
    })
    .openapi(name);
}

export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Not a cursor this API issued.')
    .optional(),
});

export const AuditEntrySchema = z
  .object({
    id: z.string().openapi({ description: 'The id of the event the entry comes from.' }),
    version: z.number().int(),
    at: z.iso.datetime(),
    action: z.enum(['created', 'updated', 'deleted', 'consent-changed', 'erased', 'merged']),
    actorId: z.string().nullable().openapi({ description: 'User id (JWT sub) who did it.' }),
    changes: z.array(
      z.object({
        field: z.string(),
        before: z
          .unknown()
          .openapi({ description: 'null when unset, on a created entry, and after an erasure' }),
        after: z.unknown().openapi({
          description:
            'null when cleared, on a created entry (it names the fields a creation set, not ' +
            'their values), and after an erasure',
        }),
      }),
    ),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditPage');
