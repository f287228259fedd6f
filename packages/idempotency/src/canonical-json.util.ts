// What "the same request" means for an idempotency key, in the gateway (HTTP body) and in the
// services (gRPC request): the same canonical JSON.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same body sent with another key order matches. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of what is asked (an operation, a method and path) and its canonical request. */
export function requestFingerprint(what: string, request: unknown): string {
  return createHash('sha256')
    .update(`${what}\n${canonicalJson(request)}`)
    .digest('hex');
}
