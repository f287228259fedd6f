// Cursors of the relationship listings. Like contact cursors (pagination.ts) they wrap the
// service's page token and bind it to the listing it came from (which list, which contact,
// which filters), so a cursor replayed elsewhere is refused instead of paging the wrong list.
import { createHash } from 'node:crypto';

interface CursorPayload {
  v: 1;
  /** The listing: 'relationship-types', or 'person:<id>' / 'organization:<id>'. */
  s: string;
  f: string;
  t: string;
}

export type DecodedRelationshipCursor =
  { ok: true; pageToken: string } | { ok: false; reason: 'malformed' | 'other-listing' };

function fingerprint(filters: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 16);
}

/** null on the last page (the service answers an empty token). */
export function encodeRelationshipCursor(
  scope: string,
  filters: readonly unknown[],
  pageToken: string,
): string | null {
  if (pageToken === '') return null;
  const payload: CursorPayload = { v: 1, s: scope, f: fingerprint(filters), t: pageToken };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeRelationshipCursor(
  cursor: string,
  scope: string,
  filters: readonly unknown[],
): DecodedRelationshipCursor {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const p = payload as Partial<CursorPayload> | null;
  if (
    typeof p !== 'object' ||
    p === null ||
    p.v !== 1 ||
    typeof p.s !== 'string' ||
    typeof p.f !== 'string' ||
    typeof p.t !== 'string' ||
    p.t === ''
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (p.s !== scope || p.f !== fingerprint(filters)) return { ok: false, reason: 'other-listing' };
  return { ok: true, pageToken: p.t };
}
