// A page request as every listing takes it (a size and the previous page's token) and the
// page it answers (at most `pageSize` items, and where the next page starts).
import type { PageTokenCodec } from './page-token';

export interface PageLimits {
  /** Used for a size of 0 or none. */
  defaultSize: number;
  maxSize: number;
}

/**
 * The page sizes of every listing, at both edges: the gateway's `limit` and the services'
 * `page_size` (a listing with another default, e.g. custom field definitions, keeps maxSize).
 */
export const PAGE_SIZE_LIMITS = { defaultSize: 50, maxSize: 200 } as const satisfies PageLimits;

export interface PageFieldError {
  field: string;
  message: string;
}

export interface PageRequestInput {
  pageSize?: number | undefined;
  pageToken?: string | undefined;
}

export interface ParsedPageRequest<P> {
  pageSize: number;
  /** Absent on the first page. */
  after?: P;
  /** Empty when the request is valid; named after the request's own fields. */
  errors: PageFieldError[];
}

export function parsePageRequest<P>(
  input: PageRequestInput,
  tokens: PageTokenCodec<P>,
  limits: PageLimits,
  scope?: unknown,
): ParsedPageRequest<P> {
  const errors: PageFieldError[] = [];
  const requested = input.pageSize ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > limits.maxSize) {
    errors.push({ field: 'pageSize', message: `must be between 1 and ${limits.maxSize}` });
  }
  const parsed: ParsedPageRequest<P> = {
    pageSize: requested > 0 && Number.isInteger(requested) ? requested : limits.defaultSize,
    errors,
  };
  if (input.pageToken) {
    const decoded = tokens.decode(input.pageToken, scope);
    if (decoded.ok) parsed.after = decoded.position;
    else errors.push({ field: 'pageToken', message: 'is not a token this service issued' });
  }
  return parsed;
}

/**
 * The page from rows read with a limit of pageSize + 1: the extra row only says that more
 * follow, and the next page starts after the page's last item.
 */
export function buildPage<T, P>(
  rows: readonly T[],
  pageSize: number,
  positionOf: (last: T) => P,
): { items: T[]; next?: P } {
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return rows.length > pageSize && last !== undefined
    ? { items, next: positionOf(last) }
    : { items };
}

/**
 * The token of the page after one read with a limit of pageSize + 1 (`hasMore`: the extra row
 * came back), encoding the page's last item; undefined on the last page.
 */
export function nextPageToken<T>(
  page: { items: readonly T[]; hasMore: boolean },
  encode: (last: T) => string,
): string | undefined {
  const last = page.items.at(-1);
  return page.hasMore && last !== undefined ? encode(last) : undefined;
}
