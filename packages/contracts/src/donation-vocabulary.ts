// The words a donation is described with, for both edges: the gateway's zod schemas offer
// exactly these and the transaction service's domain accepts exactly these, so the two cannot
// drift apart (as field-limits.ts does for lengths).

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
