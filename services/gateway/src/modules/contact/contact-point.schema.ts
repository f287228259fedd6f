// Emails, phones and addresses as bodies take them and resources show them, with tags,
// source and owner. Limits and patterns mirror the contact service's own rules
// (services/contact/src/domain/contact-validation.ts), so the gateway refuses early what the
// service would refuse, and nothing the service accepts.
import { COUNTRY_CODE_MESSAGE, isCountryCode } from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { shortText, wellFormedText } from '../../http/schemas/text.schema';

// Deliberately loose, like the service: one @, no spaces, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const emailAddress = z
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
