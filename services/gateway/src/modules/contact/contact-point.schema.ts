// Emails, phones and addresses as bodies take them and resources show them, with tags,
// source and owner. Limits come from @kith/contracts field-limits.ts, which the contact
// service's validation uses too, and patterns mirror its rules, so the gateway refuses early
// what the service would refuse, and nothing the service accepts.
import {
  CONTACT_FIELD_LIMITS as LIMITS,
  COUNTRY_CODE_MESSAGE,
  COUNTRY_CODE_DOCUMENT_PATTERN,
  COUNTRY_CODE_PATTERN,
  EMAIL_ADDRESS_DOCUMENT_PATTERN,
  EMAIL_ADDRESS_PATTERN,
  PHONE_NUMBER_CHARACTERS,
  PHONE_NUMBER_DOCUMENT_PATTERN,
  POSTAL_ADDRESS_LIMITS as ADDRESS,
} from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { maxChars, shortText, wellFormedText } from '../../http/schemas/text.schema';

// Deliberately loose, the service's own pattern: one @, no spaces, a dot in the domain.
export const emailAddress = maxChars(z.string().max(LIMITS.email).trim(), LIMITS.email)
  .regex(EMAIL_ADDRESS_PATTERN, 'Not a valid email address.')
  .superRefine(wellFormedText)
  .openapi({ pattern: EMAIL_ADDRESS_DOCUMENT_PATTERN, example: 'ada@example.org' });

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
      .max(LIMITS.phone)
      .trim()
      // A number has at least as many characters as the digits the service asks for.
      .min(LIMITS.phoneDigitsMin)
      .max(LIMITS.phone)
      .regex(
        PHONE_NUMBER_CHARACTERS,
        'Digits, spaces and ( ) - . / only, with an optional leading +.',
      )
      .openapi({
        pattern: PHONE_NUMBER_DOCUMENT_PATTERN,
        description: `${LIMITS.phoneDigitsMin} to ${LIMITS.phoneDigitsMax} digits.`,
      }),
    type: z.enum(['home', 'work', 'mobile', 'other']).default('other'),
    primary: z.boolean().default(false),
    valid: z
      .boolean()
      .default(true)
      .openapi({ description: 'false once the number proved wrong or disconnected' }),
  })
  .openapi('PhoneInput');

const isoDate = z.iso.date().openapi({ example: '1990-04-21' });

export const AddressInputSchema = z
  .strictObject({
    type: z.enum(['home', 'work', 'other']).default('home'),
    primary: z.boolean().default(false),
    line1: shortText(ADDRESS.line),
    line2: shortText(ADDRESS.line).optional(),
    city: shortText(ADDRESS.city).optional(),
    region: shortText(ADDRESS.region).optional(),
    postalCode: shortText(ADDRESS.postalCode).optional(),
    countryCode: z.string().trim().regex(COUNTRY_CODE_PATTERN, COUNTRY_CODE_MESSAGE).openapi({
      pattern: COUNTRY_CODE_DOCUMENT_PATTERN,
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

// The service's rule of every list of contact points, stated: at most one entry is primary
// (none marked: the first becomes it).
const atMostOnePrimary = {
  contains: { required: ['primary'], properties: { primary: { const: true } } },
  minContains: 0,
  maxContains: 1,
};
export const EmailListSchema = z
  .array(EmailInputSchema)
  .max(LIMITS.emails)
  .openapi(atMostOnePrimary);
export const AddressListSchema = z
  .array(AddressInputSchema)
  .max(ADDRESS.count)
  .openapi(atMostOnePrimary);
export const PhoneListSchema = z
  .array(PhoneInputSchema)
  .max(LIMITS.phones)
  .openapi(atMostOnePrimary);
export const TagListSchema = z
  .array(shortText(LIMITS.tag))
  .max(LIMITS.tags)
  .openapi({ description: 'Stored lower-cased and de-duplicated.' });
export const SourceSchema = shortText(LIMITS.source).openapi({
  description: 'Where the record came from: web form, import, event, ...',
});
export const OwnerIdSchema = shortText(LIMITS.ownerId).openapi({
  description: 'User id (JWT sub) who looks after this record. Defaults to the creator.',
});

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
