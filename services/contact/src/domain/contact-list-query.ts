// List requests: page size bounds, the opaque page token, and the normalized filters.
import type { ContactKind, ContactListQuery } from './contact';
import { ContactError, type ContactFieldError } from './contact-error';
import { normalizeSearchText } from './contact-name.util';
import { MAX_SEARCH_LENGTH, searchForms } from './contact-search';
import { normalizeEmail, normalizeTags } from './contact-validation';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const TOKEN_PREFIX = 'c1:';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Opaque to clients; today base64url("c1:" + last id). The prefix versions the format so
 * it can change later without old tokens being misread.
 */
export function encodePageToken(lastId: string): string {
  return Buffer.from(`${TOKEN_PREFIX}${lastId}`, 'utf8').toString('base64url');
}

/** The id after which the next page starts, or undefined if the token is not ours. */
export function decodePageToken(token: string): string | undefined {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded.startsWith(TOKEN_PREFIX)) return undefined;
  const id = decoded.slice(TOKEN_PREFIX.length);
  return UUID_PATTERN.test(id) ? id : undefined;
}

export interface ListContactsInput {
  tenantId: string;
  kind?: ContactKind;
  pageSize?: number;
  pageToken?: string;
  namePrefix?: string;
  email?: string;
  tag?: string;
  /** Free text: a prefix of a name, an email or a phone number. */
  search?: string;
  doNotContact?: boolean;
  deceased?: boolean;
}

/** Validates bounds and normalizes filters the same way stored values are normalized. */
export function parseListQuery(input: ListContactsInput): ContactListQuery {
  const errors: ContactFieldError[] = [];
  const requested = input.pageSize ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > MAX_PAGE_SIZE) {
    errors.push({ field: 'pageSize', message: `must be between 1 and ${MAX_PAGE_SIZE}` });
  }
  const query: ContactListQuery = {
    tenantId: input.tenantId,
    pageSize: requested === 0 ? DEFAULT_PAGE_SIZE : requested,
  };
  if (input.pageToken) {
    const afterId = decodePageToken(input.pageToken);
    if (afterId) query.afterId = afterId;
    else errors.push({ field: 'pageToken', message: 'is not a token this service issued' });
  }
  if (input.kind) query.kind = input.kind;
  const namePrefix = normalizeSearchText(input.namePrefix ?? '');
  if (namePrefix) query.namePrefix = namePrefix;
  const email = normalizeEmail(input.email ?? '');
  if (email) query.email = email;
  const [tag] = normalizeTags([input.tag ?? '']);
  if (tag) query.tag = tag;
  if (input.search && input.search.trim()) {
    if (input.search.length > MAX_SEARCH_LENGTH) {
      errors.push({ field: 'search', message: `must be at most ${MAX_SEARCH_LENGTH} characters` });
    } else {
      const forms = searchForms(input.search);
      if (forms.length > 0) query.searchForms = forms;
    }
  }
  if (input.doNotContact !== undefined) query.doNotContact = input.doNotContact;
  if (input.deceased !== undefined) query.deceased = input.deceased;
  if (errors.length > 0) throw ContactError.validation(errors);
  return query;
}
