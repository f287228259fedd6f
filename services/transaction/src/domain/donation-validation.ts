// Cleans what callers send about donations: every problem is collected under its field's
// path, so a caller can fix all of them at once. Limits and money rules come from
// @kith/contracts, which the gateway's zod schemas use too.
import {
  CURRENCY_CODE_MESSAGE,
  DONATION_FIELD_LIMITS,
  amountMinorProblem,
  freeTextProblem,
  isCurrencyCode,
} from '@kith/contracts';
import type { DomainFieldError } from '@kith/errors';
import { validate as isUuid } from 'uuid';
import {
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  SOFT_CREDIT_TYPES,
  TRIBUTE_TYPES,
  type Money,
  type PaymentMethod,
  type PaymentStatus,
  type SoftCreditType,
  type Tribute,
} from './donation';
import { DonationError } from './donation-error';

/** A gift dated more than a day ahead of now is a typo, not a post-dated cheque. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export interface SoftCreditInput {
  contactId: string;
  type: string;
  amountMinor: number;
}

export interface TributeInput {
  type: string;
  honoreeName?: string;
  honoreeContactId?: string;
}

/** The optional descriptive fields a create sets and an update may change. */
export interface DonationDetailsInput {
  paymentMethod?: string;
  paymentStatus?: string;
  receivedAt?: string;
  fund?: string | null;
  campaignId?: string | null;
  sourceCode?: string | null;
  externalReference?: string | null;
  anonymous?: boolean;
  tribute?: TributeInput | null;
  softCredits?: SoftCreditInput[];
}

export interface DonationInput extends DonationDetailsInput {
  donorId: string;
  amount: Money;
  receivedAt: string;
  paymentMethod: string;
}

export interface CleanSoftCredit {
  contactId: string;
  type: SoftCreditType;
  amountMinor: number;
}

/** undefined = unchanged, null = cleared. */
export interface CleanDonationDetails {
  paymentMethod?: PaymentMethod;
  paymentStatus?: PaymentStatus;
  receivedAt?: string;
  fund?: string | null;
  campaignId?: string | null;
  sourceCode?: string | null;
  externalReference?: string | null;
  anonymous?: boolean;
  tribute?: Tribute | null;
  softCredits?: CleanSoftCredit[];
}

export interface CleanDonationInput extends CleanDonationDetails {
  donorId: string;
  amount: Money;
  receivedAt: string;
  paymentMethod: PaymentMethod;
}

export function validateDonationInput(input: DonationInput, now: string): CleanDonationInput {
  const errors: DomainFieldError[] = [];
  const donorId = checkContactId(errors, 'donorId', input.donorId);
  const amount = checkMoney(errors, 'amount', input.amount);
  const details = checkDetails(errors, input, now);
  if (input.receivedAt === undefined || input.receivedAt === '') {
    errors.push({ field: 'receivedAt', message: 'is required' });
  }
  if (input.paymentMethod === undefined || input.paymentMethod === '') {
    errors.push({ field: 'paymentMethod', message: 'is required' });
  }
  if (errors.length > 0) throw DonationError.validation(errors);
  return { ...details, donorId, amount } as CleanDonationInput;
}

export function validateDonationDetails(
  input: DonationDetailsInput,
  now: string,
): CleanDonationDetails {
  const errors: DomainFieldError[] = [];
  const details = checkDetails(errors, input, now);
  if (errors.length > 0) throw DonationError.validation(errors);
  return details;
}

export function validateRefundInput(input: {
  amountMinor: number;
  reason?: string;
  externalReference?: string;
}): { amountMinor: number; reason?: string; externalReference?: string } {
  const errors: DomainFieldError[] = [];
  const amountProblem = amountMinorProblem(input.amountMinor);
  if (amountProblem) errors.push({ field: 'amountMinor', message: amountProblem });
  const reason = checkText(errors, 'reason', input.reason, DONATION_FIELD_LIMITS.refundReason);
  const externalReference = checkText(
    errors,
    'externalReference',
    input.externalReference,
    DONATION_FIELD_LIMITS.externalReference,
  );
  if (errors.length > 0) throw DonationError.validation(errors);
  return {
    amountMinor: input.amountMinor,
    ...(reason ? { reason } : {}),
    ...(externalReference ? { externalReference } : {}),
  };
}

function checkDetails(
  errors: DomainFieldError[],
  input: DonationDetailsInput,
  now: string,
): CleanDonationDetails {
  const clean: CleanDonationDetails = {};
  if (input.paymentMethod !== undefined && input.paymentMethod !== '') {
    clean.paymentMethod = checkOneOf(errors, 'paymentMethod', input.paymentMethod, PAYMENT_METHODS);
  }
  if (input.paymentStatus !== undefined && input.paymentStatus !== '') {
    clean.paymentStatus = checkOneOf(
      errors,
      'paymentStatus',
      input.paymentStatus,
      PAYMENT_STATUSES,
    );
  }
  if (input.receivedAt !== undefined && input.receivedAt !== '') {
    clean.receivedAt = checkReceivedAt(errors, input.receivedAt, now);
  }
  const L = DONATION_FIELD_LIMITS;
  for (const [field, max] of [
    ['fund', L.fund],
    ['campaignId', L.campaignId],
    ['sourceCode', L.sourceCode],
    ['externalReference', L.externalReference],
  ] as const) {
    const value = input[field];
    if (value === undefined) continue;
    clean[field] =
      value === null || value.trim() === '' ? null : checkText(errors, field, value, max);
  }
  if (input.anonymous !== undefined) clean.anonymous = input.anonymous;
  if (input.tribute !== undefined) clean.tribute = checkTribute(errors, input.tribute);
  if (input.softCredits !== undefined)
    clean.softCredits = checkSoftCredits(errors, input.softCredits);
  return clean;
}

function checkMoney(errors: DomainFieldError[], field: string, money: Money | undefined): Money {
  if (!money) {
    errors.push({ field, message: 'is required' });
    return { amountMinor: 0, currency: '' };
  }
  const problem = amountMinorProblem(money.amountMinor);
  if (problem) errors.push({ field: `${field}.amountMinor`, message: problem });
  if (!isCurrencyCode(money.currency)) {
    errors.push({ field: `${field}.currency`, message: CURRENCY_CODE_MESSAGE });
  }
  return { amountMinor: money.amountMinor, currency: money.currency };
}

export const TIMESTAMP_MESSAGE = 'must be an ISO-8601 timestamp with offset';

/**
 * A full timestamp with its offset, as UTC ISO-8601; undefined for anything else ("2026-12-04"
 * alone would be read as UTC midnight, which is rarely what a caller in another zone meant).
 */
export function utcTimestamp(value: string): string | undefined {
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/T.*(Z|[+-]\d\d:\d\d)$/.test(value)) return undefined;
  return new Date(at).toISOString();
}

function checkReceivedAt(errors: DomainFieldError[], value: string, now: string): string {
  const at = utcTimestamp(value);
  if (at === undefined) {
    errors.push({ field: 'receivedAt', message: TIMESTAMP_MESSAGE });
    return value;
  }
  if (Date.parse(at) > Date.parse(now) + MAX_FUTURE_MS) {
    errors.push({ field: 'receivedAt', message: 'must not be in the future' });
  }
  return at;
}

function checkTribute(errors: DomainFieldError[], input: TributeInput | null): Tribute | null {
  if (input === null) return null;
  const type = checkOneOf(errors, 'tribute.type', input.type, TRIBUTE_TYPES);
  const honoreeName = checkText(
    errors,
    'tribute.honoreeName',
    input.honoreeName,
    DONATION_FIELD_LIMITS.honoreeName,
  );
  const honoreeContactId =
    input.honoreeContactId === undefined || input.honoreeContactId === ''
      ? undefined
      : checkContactId(errors, 'tribute.honoreeContactId', input.honoreeContactId);
  if (!honoreeName && !honoreeContactId) {
    errors.push({ field: 'tribute', message: 'needs an honoree name or contact id' });
  }
  return {
    type,
    ...(honoreeName ? { honoreeName } : {}),
    ...(honoreeContactId ? { honoreeContactId } : {}),
  };
}

function checkSoftCredits(errors: DomainFieldError[], input: SoftCreditInput[]): CleanSoftCredit[] {
  if (input.length > DONATION_FIELD_LIMITS.softCredits) {
    errors.push({
      field: 'softCredits',
      message: `must have at most ${DONATION_FIELD_LIMITS.softCredits} entries`,
    });
  }
  const seen = new Set<string>();
  return input.map((credit, i) => {
    const field = `softCredits[${i}]`;
    const contactId = checkContactId(errors, `${field}.contactId`, credit.contactId);
    if (seen.has(contactId)) {
      errors.push({ field: `${field}.contactId`, message: 'is soft-credited twice on this gift' });
    }
    seen.add(contactId);
    const type = checkOneOf(errors, `${field}.type`, credit.type, SOFT_CREDIT_TYPES);
    const problem = amountMinorProblem(credit.amountMinor);
    if (problem) errors.push({ field: `${field}.amountMinor`, message: problem });
    return { contactId, type, amountMinor: credit.amountMinor };
  });
}

function checkContactId(errors: DomainFieldError[], field: string, value: string): string {
  if (!value) errors.push({ field, message: 'is required' });
  else if (!isUuid(value)) errors.push({ field, message: 'must be a contact id (a UUID)' });
  return value;
}

function checkOneOf<T extends string>(
  errors: DomainFieldError[],
  field: string,
  value: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(value)) {
    errors.push({ field, message: `must be one of ${allowed.join(', ')}` });
  }
  return value as T;
}

function checkText(
  errors: DomainFieldError[],
  field: string,
  value: string | undefined,
  max: number,
): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const problem = freeTextProblem(trimmed, max);
  if (problem) errors.push({ field, message: problem });
  return trimmed === '' ? undefined : trimmed;
}
