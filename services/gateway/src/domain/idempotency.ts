// Pure helpers for Idempotency-Key handling: the record id and the request fingerprint.
import { canonicalJson, requestFingerprint as fingerprintOf } from '@kith/idempotency';

export interface IdempotencyScope {
  tenantId: string;
  userId: string;
  key: string;
}

/**
 * `${tenant}:${user}:${key}`. Keys are scoped per user so two users cannot collide or read
 * each other's responses. Parts are URI-encoded so a ':' inside one cannot forge another's id.
 */
export function idempotencyId(scope: IdempotencyScope): string {
  return [scope.tenantId, scope.userId, scope.key].map(encodeURIComponent).join(':');
}

export { canonicalJson };

/** The same fingerprint the services compute for their creates (@kith/idempotency). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return fingerprintOf(`${method.toUpperCase()} ${path}`, body);
}

/**
 * The contacts a stored response names, so an erasure finds it by `{tenantId, contactId}`
 * without scanning: each a top-level field of the record (FerretDB pushes down only top-level
 * equality, on an array too): one or two scalars (a relationship names both sides), or the
 * list of an interaction's participants.
 */
export interface ResponseContacts {
  contactId?: string;
  otherContactId?: string;
  contactIds?: string[];
}

/**
 * How a route says which contacts its response names: the body's top-level id fields, or the
 * request's path parameters (a consent's response is about the contact in its path).
 */
export type ContactsOf = (body: unknown, pathParams: Record<string, string>) => ResponseContacts;

/** Reads up to two top-level string fields of a JSON body as the contacts it names. */
export function contactsAt(...fields: [] | [string] | [string, string]): ContactsOf {
  return (body) => {
    if (body === null || typeof body !== 'object') return {};
    const [contactId, otherContactId] = fields.map((field) => {
      const value = (body as Record<string, unknown>)[field];
      return typeof value === 'string' && value !== '' ? value : undefined;
    });
    return {
      ...(contactId ? { contactId } : {}),
      ...(otherContactId ? { otherContactId } : {}),
    };
  };
}

/** The contacts a top-level array field of a JSON body names (an interaction's participants). */
export function contactsIn(field: string): ContactsOf {
  return (body) => {
    const value =
      body !== null && typeof body === 'object'
        ? (body as Record<string, unknown>)[field]
        : undefined;
    const ids = Array.isArray(value)
      ? value.filter((id): id is string => typeof id === 'string' && id !== '')
      : [];
    return ids.length > 0 ? { contactIds: [...new Set(ids)] } : {};
  };
}

/** The contact named by a path parameter, e.g. `/contacts/:id/consents`. */
export function contactInPath(param: string): ContactsOf {
  return (_body, pathParams) => {
    const contactId = pathParams[param];
    return contactId ? { contactId } : {};
  };
}

/** For routes whose responses name no contact (custom fields, imports, types, households). */
export const NO_CONTACTS: ContactsOf = () => ({});
