// Page tokens: opaque to clients, and each bound to the listing that issued it. A token
// carries the listing's name, its format version, a fingerprint of the scope it was issued
// for (a tenant, a contact, the filters) and the position the next page starts after, so a
// token of one listing, of another scope or of an older format is refused instead of
// silently paging something else.
import { createHash } from 'node:crypto';

export type DecodedPageToken<P> =
  { ok: true; position: P } | { ok: false; reason: 'malformed' | 'other-listing' };

export interface PageTokenCodec<P> {
  /** The listing's name, as tokens carry it. */
  readonly listing: string;
  encode(position: P, scope?: unknown): string;
  decode(token: string, scope?: unknown): DecodedPageToken<P>;
}

export interface PageTokenOptions<P> {
  /** Bumped when the position's shape changes: older tokens are then refused. */
  version?: number;
  /** Checks a decoded position: a token is only as trustworthy as this check. */
  isPosition(value: unknown): value is P;
}

type Payload = [listing: string, version: number, scope: string, position: unknown];

/**
 * The longest token any codec decodes, so a request cannot make it parse megabytes; the
 * gateway's `cursor` parameters (tokens wrapping a service's token) are refused past it too.
 */
export const MAX_PAGE_TOKEN_LENGTH = 2048;

/** Every token's alphabet (base64url), as a pattern: what the API document says of a cursor. */
export const PAGE_TOKEN_PATTERN = '^[A-Za-z0-9_-]+$';
const TOKEN_ALPHABET = new RegExp(PAGE_TOKEN_PATTERN);

/** Tokens of one listing (name unique per service: e.g. "contacts", "households"). */
export function pageTokens<P>(listing: string, options: PageTokenOptions<P>): PageTokenCodec<P> {
  const version = options.version ?? 1;
  return {
    listing,
    encode(position, scope) {
      const payload: Payload = [listing, version, scopeFingerprint(scope), position];
      return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    },
    decode(token, scope) {
      const payload = parsePayload(token);
      if (!payload) return { ok: false, reason: 'malformed' };
      const [name, tokenVersion, fingerprint, position] = payload;
      if (name !== listing || fingerprint !== scopeFingerprint(scope)) {
        return { ok: false, reason: 'other-listing' };
      }
      if (tokenVersion !== version || !options.isPosition(position)) {
        return { ok: false, reason: 'malformed' };
      }
      return { ok: true, position };
    },
  };
}

/**
 * A short, stable fingerprint of a scope: object keys in any order, and keys whose value is
 * undefined, null or '' left out, give the same fingerprint.
 */
export function scopeFingerprint(scope: unknown): string {
  if (scope === undefined) return '';
  const canonical = JSON.stringify(canonicalize(scope));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== 'object') return value;
  return Object.keys(value)
    .sort()
    .filter((key) => {
      const v = (value as Record<string, unknown>)[key];
      return v !== undefined && v !== null && v !== '';
    })
    .map((key) => [key, canonicalize((value as Record<string, unknown>)[key])]);
}

function parsePayload(token: string): Payload | undefined {
  if (token.length > MAX_PAGE_TOKEN_LENGTH || !TOKEN_ALPHABET.test(token)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const valid =
      Array.isArray(value) &&
      value.length === 4 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'number' &&
      typeof value[2] === 'string';
    return valid ? (value as Payload) : undefined;
  } catch {
    return undefined;
  }
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The position check of a listing in id order whose ids are uuids (v7 sorts by time). */
export function isUuidPosition(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
