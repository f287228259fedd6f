// List requests: page size bounds, the opaque page token, and the normalized filters.
import { CONTACT_FIELD_LIMITS } from '@kith/contracts';
import { PAGE_SIZE_LIMITS, parsePageRequest } from '@kith/paging';
import type { ContactKind, ContactListQuery } from './contact';
import { ContactError, type ContactFieldError } from './contact-error';
import { contactPageTokens, hasNarrowingFilter } from './contact-list-position';
import { normalizeSearchText } from './contact-name.util';
import { searchForms } from './contact-search';
import { normalizeEmail, normalizeTags } from './contact-validation';

/** Page sizes and the search length are shared with the gateway's zod schemas. */
export const DEFAULT_PAGE_SIZE = PAGE_SIZE_LIMITS.defaultSize;
const MAX_SEARCH_LENGTH = CONTACT_FIELD_LIMITS.search;

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
  const page = parsePageRequest(input, contactPageTokens, PAGE_SIZE_LIMITS, input.tenantId);
  const errors: ContactFieldError[] = page.errors;
  const query: ContactListQuery = { tenantId: input.tenantId, pageSize: page.pageSize };
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
  // A narrowed listing's token needs a narrowing filter (a bucket token fits any filters).
  if (page.after?.mode === 'narrowed' && !hasNarrowingFilter(query)) {
    errors.push({ field: 'pageToken', message: 'belongs to a listing with other filters' });
  } else if (page.after) query.after = page.after;
  if (errors.length > 0) throw ContactError.validation(errors);
  return query;
}
