// Requests to list donations: page bounds, the opaque page token bound to its filters, and the
// filters themselves (a donor, a status, a campaign, a received_at range). Newest received
// first: the position is the last gift's (receivedAt, id).
import { DONATION_FIELD_LIMITS } from '@kith/contracts';
import type { DomainFieldError } from '@kith/errors';
import { PAGE_SIZE_LIMITS, pageTokens, parsePageRequest } from '@kith/paging';
import { validate as isUuid } from 'uuid';
import { DONATION_STATUSES, type DonationStatus } from './donation';
import { DonationError } from './donation-error';
import { TIMESTAMP_MESSAGE, utcTimestamp } from './donation-validation';

/** Where the next page starts: after this gift in (receivedAt desc, id desc) order. */
export interface DonationListPosition {
  receivedAt: string;
  id: string;
}

export interface DonationListFilter {
  donorId?: string;
  status?: DonationStatus;
  campaignId?: string;
  /** receivedAt >= receivedFrom, UTC ISO-8601. */
  receivedFrom?: string;
  /** receivedAt < receivedTo. */
  receivedTo?: string;
}

export interface DonationListQuery {
  tenantId: string;
  filter: DonationListFilter;
  pageSize: number;
  after?: DonationListPosition;
}

export interface DonationListInput {
  pageSize?: number;
  pageToken?: string;
  donorId?: string;
  status?: string;
  campaignId?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

const isPosition = (value: unknown): value is DonationListPosition =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DonationListPosition).receivedAt === 'string' &&
  typeof (value as DonationListPosition).id === 'string';

/** Tokens of the donation listing, scoped to the tenant and the filters they were issued for. */
export const donationPageTokens = pageTokens('donations', { isPosition });

export function parseDonationListQuery(
  tenantId: string,
  input: DonationListInput,
): DonationListQuery {
  const errors: DomainFieldError[] = [];
  const filter: DonationListFilter = {};
  if (input.donorId) {
    if (isUuid(input.donorId)) filter.donorId = input.donorId;
    else errors.push({ field: 'donorId', message: 'must be a contact id (a UUID)' });
  }
  if (input.status) {
    if ((DONATION_STATUSES as readonly string[]).includes(input.status)) {
      filter.status = input.status as DonationStatus;
    } else {
      errors.push({ field: 'status', message: `must be one of ${DONATION_STATUSES.join(', ')}` });
    }
  }
  if (input.campaignId) {
    if (input.campaignId.length <= DONATION_FIELD_LIMITS.campaignId) {
      filter.campaignId = input.campaignId;
    } else {
      errors.push({
        field: 'campaignId',
        message: `must be at most ${DONATION_FIELD_LIMITS.campaignId} characters`,
      });
    }
  }
  for (const field of ['receivedFrom', 'receivedTo'] as const) {
    const value = input[field];
    if (!value) continue;
    const at = utcTimestamp(value);
    if (at === undefined) errors.push({ field, message: TIMESTAMP_MESSAGE });
    else filter[field] = at;
  }
  const page = parsePageRequest(input, donationPageTokens, PAGE_SIZE_LIMITS, {
    tenantId,
    ...filter,
  });
  errors.push(...page.errors);
  if (errors.length > 0) throw DonationError.validation(errors);
  return {
    tenantId,
    filter,
    pageSize: page.pageSize,
    ...(page.after ? { after: page.after } : {}),
  };
}

/**
 * A received range that ends where it starts, or before, holds no instant: it matches no gift,
 * so its page is empty without a read (as an empty range is answered by Stripe's and GitHub's
 * lists), rather than a refusal of a request that is well formed.
 */
export function matchesNothing(filter: DonationListFilter): boolean {
  return (
    filter.receivedFrom !== undefined &&
    filter.receivedTo !== undefined &&
    filter.receivedFrom >= filter.receivedTo
  );
}

/** The token of the page after `last`, for the same tenant and filters. */
export function nextDonationPageToken(
  query: DonationListQuery,
  last: DonationListPosition,
): string {
  return donationPageTokens.encode(
    { receivedAt: last.receivedAt, id: last.id },
    { tenantId: query.tenantId, ...query.filter },
  );
}
