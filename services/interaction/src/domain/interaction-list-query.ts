// What a listing asks for, checked: a page (size, and the token of the page before), at most
// one participant, a type, an occurred_at range. Pages run newest first by (occurredAt, id), so
// a position is the last item's pair; tokens are bound to their listing (interactions or a
// contact's timeline) and to its tenant and filters (@kith/paging), so one issued for other
// filters is refused.
import type { DomainFieldError } from '@kith/errors';
import {
  PAGE_SIZE_LIMITS,
  pageTokens,
  parsePageRequest,
  type PageRequestInput,
} from '@kith/paging';
import { INTERACTION_TYPES, type Interaction, type InteractionType } from './interaction';
import { InteractionError } from './interaction-error';
import { ID_PATTERN, utcTime } from './interaction-validation';

/** Where the next page starts: after this occurredAt and id (newest first). */
export interface ListPosition {
  occurredAt: string;
  id: string;
}

export interface InteractionListQuery {
  tenantId: string;
  contactId?: string;
  type?: InteractionType;
  /** occurredAt >= from. */
  from?: string;
  /** occurredAt < to. */
  to?: string;
  pageSize: number;
  after?: ListPosition;
}

export interface ListInput extends PageRequestInput {
  tenantId: string;
  contactId?: string;
  type?: string;
  occurredFrom?: string;
  occurredTo?: string;
}

const isPosition = (value: unknown): value is ListPosition =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ListPosition).occurredAt === 'string' &&
  utcTime((value as ListPosition).occurredAt) === (value as ListPosition).occurredAt &&
  typeof (value as ListPosition).id === 'string' &&
  ID_PATTERN.test((value as ListPosition).id);

export const LISTINGS = {
  interactions: pageTokens('interactions', { isPosition }),
  timeline: pageTokens('timeline', { isPosition }),
} as const;
export type Listing = keyof typeof LISTINGS;

export const positionOf = (i: Pick<Interaction, 'occurredAt' | 'id'>): ListPosition => ({
  occurredAt: i.occurredAt,
  id: i.id,
});

/** The checked query, or VALIDATION_FAILED naming every parameter at fault. */
export function parseListQuery(listing: Listing, input: ListInput): InteractionListQuery {
  const errors: DomainFieldError[] = [];
  const contactId = input.contactId?.trim() || undefined;
  if (contactId && !ID_PATTERN.test(contactId)) {
    errors.push({ field: 'contactId', message: 'is not a valid id' });
  }
  if (listing === 'timeline' && !contactId)
    errors.push({ field: 'contactId', message: 'is required' });
  const type = input.type || undefined;
  if (type && !(INTERACTION_TYPES as readonly string[]).includes(type)) {
    errors.push({ field: 'type', message: `must be one of ${INTERACTION_TYPES.join(', ')}` });
  }
  const bound = (field: 'occurredFrom' | 'occurredTo') => {
    const given = input[field];
    if (!given) return undefined;
    const at = utcTime(given);
    if (!at) errors.push({ field, message: 'must be an ISO-8601 time with an offset' });
    return at;
  };
  const from = bound('occurredFrom');
  const to = bound('occurredTo');
  if (from && to && from >= to)
    errors.push({ field: 'occurredTo', message: 'must be after occurredFrom' });
  const scope = { tenantId: input.tenantId, contactId, type, from, to };
  const page = parsePageRequest(input, LISTINGS[listing], PAGE_SIZE_LIMITS, scope);
  errors.push(...page.errors);
  if (errors.length > 0) throw InteractionError.validation(errors);
  return {
    tenantId: input.tenantId,
    ...(contactId ? { contactId } : {}),
    ...(type ? { type: type as InteractionType } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    pageSize: page.pageSize,
    ...(page.after ? { after: page.after } : {}),
  };
}

/** The token of the page after `last`, bound to the same listing and filters. */
export function nextPageToken(
  listing: Listing,
  query: InteractionListQuery,
  last: ListPosition,
): string {
  const { tenantId, contactId, type, from, to } = query;
  return LISTINGS[listing].encode(last, { tenantId, contactId, type, from, to });
}
