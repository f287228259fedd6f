// Cursors handed to REST clients. They wrap the contact service's opaque page token and
// bind it to the listing it came from (resource kind + filters), so a cursor replayed
// against another list or with other filters is refused instead of silently returning
// the wrong page.
import { createHash } from 'node:crypto';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

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

export type CursorScope = 'person' | 'organization' | 'household';

interface CursorPayload {
  v: 1;
  s: CursorScope;
  f: string;
  t: string;
}

export type DecodedCursor =
  { ok: true; pageToken: string } | { ok: false; reason: 'malformed' | 'other-listing' };

/** Stable fingerprint of the filters: order-independent, empty values ignored. */
export function filterFingerprint(filters: ListFilters): string {
  const customFields = Object.entries(filters.customFields ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const canonical = JSON.stringify([
    filters.namePrefix ?? '',
    filters.email ?? '',
    filters.tag ?? '',
    // Appended only when present, so cursors issued before these filters existed still match.
    ...(customFields.length > 0 ? [customFields] : []),
    ...(filters.search ? [`search:${filters.search}`] : []),
    ...(filters.doNotContact === undefined ? [] : [`dnc:${filters.doNotContact}`]),
    ...(filters.deceased === undefined ? [] : [`deceased:${filters.deceased}`]),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/** Returns null on the last page (the service answers an empty token). */
export function encodeCursor(
  scope: CursorScope,
  filters: ListFilters,
  pageToken: string,
): string | null {
  if (pageToken === '') return null;
  const payload: CursorPayload = { v: 1, s: scope, f: filterFingerprint(filters), t: pageToken };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  scope: CursorScope,
  filters: ListFilters,
): DecodedCursor {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isCursorPayload(payload)) return { ok: false, reason: 'malformed' };
  if (payload.s !== scope || payload.f !== filterFingerprint(filters)) {
    return { ok: false, reason: 'other-listing' };
  }
  return { ok: true, pageToken: payload.t };
}

function isCursorPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    p.v === 1 &&
    (p.s === 'person' || p.s === 'organization' || p.s === 'household') &&
    typeof p.f === 'string' &&
    typeof p.t === 'string' &&
    p.t !== ''
  );
}
