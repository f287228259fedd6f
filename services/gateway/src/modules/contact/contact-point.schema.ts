// Emails, phones and addresses as bodies take them and resources show them, with tags,
// source and owner. Limits come from @kith/contracts field-limits.ts, which the contact
// service's validation uses too, and patterns mirror its rules, so the gateway refuses early
// what the service would refuse, and nothing the service accepts.
import {
  CONTACT_FIELD_LIMITS as LIMITS,
  COUNTRY_CODE_MESSAGE,
  POSTAL_ADDRESS_LIMITS as ADDRESS,
  isCountryCode,
} from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { maxChars, shortText, wellFormedText } from '../../http/schemas/text.schema';

// Deliberately loose, like the service: one @, no spaces, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const emailAddress = maxChars(z.string().trim(), LIMITS.email)
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
      // A number has at least as many characters as the digits the service asks for.
      .min(LIMITS.phoneDigitsMin)
      .max(LIMITS.phone)
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
    line1: shortText(ADDRESS.line),
    line2: shortText(ADDRESS.line).optional(),
    city: shortText(ADDRESS.city).optional(),
    region: shortText(ADDRESS.region).optional(),
    postalCode: shortText(ADDRESS.postalCode).optional(),
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

export const EmailListSchema = z.array(EmailInputSchema).max(LIMITS.emails);
export const AddressListSchema = z.array(AddressInputSchema).max(ADDRESS.count);
export const PhoneListSchema = z.array(PhoneInputSchema).max(LIMITS.phones);
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
