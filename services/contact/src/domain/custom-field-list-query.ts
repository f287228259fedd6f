// List requests for definitions: page size bounds and the opaque page token. The token is
// bound to the filters it was issued for, so it cannot be replayed against another listing.
import { CUSTOM_FIELD_LIMITS } from '@kith/contracts';
import { PAGE_SIZE_LIMITS, pageTokens } from '@kith/paging';
import type { ContactFieldError } from './contact-error';
import { CustomFieldError } from './custom-field-error';
import { isCustomFieldRecordType, type CustomFieldRecordType } from './custom-field';

/** Shared with the gateway's zod schemas: its own default, every listing's most. */
export const DEFAULT_FIELD_PAGE_SIZE = CUSTOM_FIELD_LIMITS.defaultPageSize;
const MAX_FIELD_PAGE_SIZE = PAGE_SIZE_LIMITS.maxSize;

export interface ListCustomFieldsInput {
  tenantId: string;
  /** '' lists every record type. */
  recordType: string;
  includeArchived: boolean;
  pageSize: number;
  pageToken: string;
}

export interface CustomFieldListQuery {
  tenantId: string;
  recordType?: CustomFieldRecordType;
  includeArchived: boolean;
  pageSize: number;
  afterId?: string;
}

/** Page tokens of definition listings, scoped to the tenant and the listing's filters. */
const fieldPageTokens = pageTokens('custom-fields', {
  isPosition: (value: unknown): value is string => typeof value === 'string' && value !== '',
});

function scopeOf(tenantId: string, recordType: string, includeArchived: boolean) {
  return { tenantId, recordType, includeArchived };
}

export function encodeFieldPageToken(query: CustomFieldListQuery, lastId: string): string {
  return fieldPageTokens.encode(
    lastId,
    scopeOf(query.tenantId, query.recordType ?? '', query.includeArchived),
  );
}

export function parseCustomFieldListQuery(input: ListCustomFieldsInput): CustomFieldListQuery {
  const errors: ContactFieldError[] = [];
  if (input.recordType !== '' && !isCustomFieldRecordType(input.recordType)) {
    errors.push({ field: 'recordType', message: 'must be person, organization or household' });
  }
  const size = input.pageSize;
  if (!Number.isInteger(size) || size < 0 || size > MAX_FIELD_PAGE_SIZE) {
    errors.push({ field: 'pageSize', message: `must be between 1 and ${MAX_FIELD_PAGE_SIZE}` });
  }
  const query: CustomFieldListQuery = {
    tenantId: input.tenantId,
    includeArchived: input.includeArchived,
    pageSize: size === 0 ? DEFAULT_FIELD_PAGE_SIZE : size,
  };
  if (isCustomFieldRecordType(input.recordType)) query.recordType = input.recordType;
  if (input.pageToken) {
    const scope = scopeOf(input.tenantId, input.recordType, input.includeArchived);
    const decoded = fieldPageTokens.decode(input.pageToken, scope);
    // Another tenant's id would only name definitions this tenant cannot read: refused plainly.
    if (decoded.ok && decoded.position.startsWith(`${input.tenantId}:`)) {
      query.afterId = decoded.position;
    } else errors.push({ field: 'pageToken', message: 'is not a token issued for this listing' });
  }
  if (errors.length > 0) throw CustomFieldError.validation(errors);
  return query;
}
