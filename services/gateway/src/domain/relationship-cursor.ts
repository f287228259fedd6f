// Cursors of the relationship listings. Like contact cursors (pagination.ts) they wrap the
// service's page token and bind it to the listing it came from (which list, which contact,
// which filters), so a cursor replayed elsewhere is refused instead of paging the wrong list.
import { pageTokens } from '@kith/paging';
import { isServiceToken, type DecodedCursor } from './pagination';

export type DecodedRelationshipCursor = DecodedCursor;

const relationshipCursors = pageTokens('rest:relationships', { isPosition: isServiceToken });

/**
 * `scope` names the listing: 'relationship-types', or 'person:<id>' / 'organization:<id>'.
 * null on the last page (the service answers an empty token).
 */
export function encodeRelationshipCursor(
  scope: string,
  filters: readonly unknown[],
  pageToken: string,
): string | null {
  if (pageToken === '') return null;
  return relationshipCursors.encode(pageToken, [scope, filters]);
}

export function decodeRelationshipCursor(
  cursor: string,
  scope: string,
  filters: readonly unknown[],
): DecodedRelationshipCursor {
  const decoded = relationshipCursors.decode(cursor, [scope, filters]);
  return decoded.ok ? { ok: true, pageToken: decoded.position } : decoded;
}
