// What a listing asks for, checked: a page (size, and the token of the page before), at most
// one participant, a type, an occurred_at range, and for a timeline the kinds of entries.
// Pages run newest first by (occurredAt, id), so a position is the last item's pair (a
// timeline's id is its entry's key); tokens are bound to their listing (interactions or a
// contact's timeline) and to its tenant and filters (@kith/paging), so one issued for other
// filters is refused.
import { TIMELINE_ENTRY_KINDS } from '@kith/contracts';
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
  /** A timeline's kinds of entries, in the vocabulary's order; absent: every kind. */
  kinds?: TimelineKind[];
  pageSize: number;
  after?: ListPosition;
}

type TimelineKind = (typeof TIMELINE_ENTRY_KINDS)[number];

export interface ListInput extends PageRequestInput {
  tenantId: string;
  contactId?: string;
  type?: string;
  occurredFrom?: string;
  occurredTo?: string;
  /** Timelines only. */
  kinds?: readonly string[];
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
  const kinds = listing === 'timeline' ? kindsOf(input.kinds ?? [], errors) : undefined;
  if (type && kinds && !kinds.includes('interaction')) {
    errors.push({ field: 'type', message: 'filters interactions, which kinds leaves out' });
  }
  const scope = { tenantId: input.tenantId, contactId, type, from, to, kinds };
  const page = parsePageRequest(input, LISTINGS[listing], PAGE_SIZE_LIMITS, scope);
  errors.push(...page.errors);
  if (errors.length > 0) throw InteractionError.validation(errors);
  return {
    tenantId: input.tenantId,
    ...(contactId ? { contactId } : {}),
    ...(type ? { type: type as InteractionType } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(kinds ? { kinds } : {}),
    pageSize: page.pageSize,
    ...(page.after ? { after: page.after } : {}),
  };
}

/**
 * A range that ends where it starts, or before, holds no instant: it matches nothing, so its
 * page is empty without a read (as Stripe's and GitHub's lists answer an empty range), rather
 * than a refusal of a request that is well formed.
 */
export function matchesNothing(query: InteractionListQuery): boolean {
  return query.from !== undefined && query.to !== undefined && query.from >= query.to;
}

/** The token of the page after `last`, bound to the same listing and filters. */
export function nextPageToken(
  listing: Listing,
  query: InteractionListQuery,
  last: ListPosition,
): string {
  const { tenantId, contactId, type, from, to, kinds } = query;
  return LISTINGS[listing].encode(last, { tenantId, contactId, type, from, to, kinds });
}

/** The kinds asked for, known and in the vocabulary's order; undefined for none or all. */
function kindsOf(given: readonly string[], errors: DomainFieldError[]): TimelineKind[] | undefined {
  const asked = new Set(given.map((k) => k.trim()).filter((k) => k !== ''));
  const unknown = [...asked].filter(
    (k) => !(TIMELINE_ENTRY_KINDS as readonly string[]).includes(k),
  );
  if (unknown.length > 0) {
    errors.push({ field: 'kinds', message: `must be among ${TIMELINE_ENTRY_KINDS.join(', ')}` });
  }
  const kinds = TIMELINE_ENTRY_KINDS.filter((k) => asked.has(k));
  return kinds.length === 0 || kinds.length === TIMELINE_ENTRY_KINDS.length ? undefined : kinds;
}
