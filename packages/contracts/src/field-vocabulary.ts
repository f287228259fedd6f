// The closed sets of values both edges accept where the proto carries a plain string: the
// gateway's zod enums and the services' domain checks take them from here, so a value one
// side knows and the other refuses cannot appear.

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

// Donations (services/transaction/src/domain/donation.ts).

/** Set by the caller: a gift is pledged-but-unpaid, paid, or its payment failed. */
export const PAYMENT_STATUSES = ['pending', 'completed', 'failed'] as const;

/** The status a gift shows: the payment's, or what its refunds made of a completed one. */
export const DONATION_STATUSES = [...PAYMENT_STATUSES, 'partially_refunded', 'refunded'] as const;

export const PAYMENT_METHODS = [
  'cash',
  'check',
  'card',
  'bank_transfer',
  'direct_debit',
  'digital_wallet',
  'securities',
  'in_kind',
  'other',
] as const;

/** Credit for a gift that someone else paid (NPSP's contact roles, CiviCRM's soft credits). */
export const SOFT_CREDIT_TYPES = [
  'household_member',
  'solicitor',
  'in_honor_of',
  'in_memory_of',
  'matched_donor',
  'workplace_giving',
] as const;

export const TRIBUTE_TYPES = ['in_honor_of', 'in_memory_of'] as const;

// Timelines (services/interaction/src/domain/timeline.ts).

/**
 * What a contact's timeline holds: interactions they took part in, gifts they gave, gifts
 * soft-credited to them, refunds of their gifts. Also the values of its `kind` filter.
 */
export const TIMELINE_ENTRY_KINDS = [
  'interaction',
  'gift',
  'soft_credit',
  'refund',
  'campaign_message',
] as const;
