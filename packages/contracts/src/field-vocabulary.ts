// The closed sets of values both edges accept where the proto carries a plain string: the
// gateway's zod enums and the contact service's domain checks take them from here, so a
// value one side knows and the other refuses cannot appear.

/** Consent channels (services/contact/src/domain/consent.ts). */
export const CONSENT_CHANNELS = ['email', 'sms', 'phone', 'mail'] as const;

export const CONSENT_STATUSES = ['opted_in', 'opted_out', 'unknown'] as const;

/** Records that carry custom fields (services/contact/src/domain/custom-field.ts). */
export const CUSTOM_FIELD_RECORD_TYPES = ['person', 'organization', 'household'] as const;

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'boolean',
  'single_select',
  'multi_select',
] as const;

/** Fields a matching rule may compare (services/contact/src/domain/contact-matching.ts). */
export const MATCH_FIELDS = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'organizationName',
  'postalCode',
  'birthDate',
] as const;
