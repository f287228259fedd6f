// Cursors handed to REST clients. They wrap the contact service's opaque page token and
// bind it to the listing it came from (resource kind + filters) through @kith/paging, so a
// cursor replayed against another list or with other filters is refused instead of silently
// returning the wrong page.
import { pageTokens, type PageTokenCodec } from '@kith/paging';

/** The contact listings' filters; any listing's filters (an object) scope its cursors. */
export interface ListFilters {
  namePrefix?: string | undefined;
  email?: string | undefined;
  tag?: string | undefined;
  /** `cf.<key>[.<op>]` query parameters, passed to the service as they are. */
  customFields?: Record<string, string> | undefined;
  search?: string | undefined;
  doNotContact?: boolean | undefined;
  deceased?: boolean | undefined;
}

export type CursorScope =
  | 'person'
  | 'organization'
  | 'household'
  | 'interaction'
  | 'timeline'
  | 'donation'
  | 'segment'
  | 'segment-member'
  | 'campaign';

/** The filters of an interaction listing (`contactId` is the timeline's path parameter). */
export interface InteractionListFilters {
  contactId?: string | undefined;
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** A timeline's kinds, comma-separated. */
  kinds?: string | undefined;
}

/** The filters of the donation listing. */
export interface DonationListFilters {
  donorId?: string | undefined;
  status?: string | undefined;
  campaignId?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
}

/** The marketing listings' filters: a segment's members are scoped by the segment. */
export interface MarketingListFilters {
  segmentId?: string | undefined;
}

/** Any listing's filters. */
export type AnyListFilters =
  ListFilters | InteractionListFilters | DonationListFilters | MarketingListFilters;

export type DecodedCursor =
  { ok: true; pageToken: string } | { ok: false; reason: 'malformed' | 'other-listing' };

/** The service's page token, never empty inside a cursor. */
export const isServiceToken = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

const cursorsByScope = new Map<CursorScope, PageTokenCodec<string>>(
  (
    [
      'person',
      'organization',
      'household',
      'interaction',
      'timeline',
      'donation',
      'segment',
      'segment-member',
      'campaign',
    ] as const
  ).map((scope) => [scope, pageTokens(`rest:${scope}`, { isPosition: isServiceToken })]),
);

/** Returns null on the last page (the service answers an empty token). */
export function encodeCursor(
  scope: CursorScope,
  filters: AnyListFilters,
  pageToken: string,
): string | null {
  if (pageToken === '') return null;
  // The filters are the cursor's scope: key order and empty values do not matter.
  return cursorsByScope.get(scope)!.encode(pageToken, filters);
}

export function decodeCursor(
  cursor: string,
  scope: CursorScope,
  filters: AnyListFilters,
): DecodedCursor {
  const decoded = cursorsByScope.get(scope)!.decode(cursor, filters);
  return decoded.ok ? { ok: true, pageToken: decoded.position } : decoded;
}
