// List requests for definitions: page size bounds and the opaque page token. The token is
// bound to the filters it was issued for, so it cannot be replayed against another listing.
import { ContactError, type ContactFieldError } from './contact-error';
import { isCustomFieldRecordType, type CustomFieldRecordType } from './custom-field';

export const DEFAULT_FIELD_PAGE_SIZE = 100;
export const MAX_FIELD_PAGE_SIZE = 200;

const TOKEN_PREFIX = 'f1';

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

function scopeOf(recordType: string, includeArchived: boolean): string {
  return `${recordType || '*'}|${includeArchived ? 'a' : 'l'}`;
}

export function encodeFieldPageToken(query: CustomFieldListQuery, lastId: string): string {
  const payload = [TOKEN_PREFIX, scopeOf(query.recordType ?? '', query.includeArchived), lastId];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function decodeFieldPageToken(token: string, scope: string, tenantId: string): string | undefined {
  try {
    const payload: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(payload) || payload.length !== 3) return undefined;
    const [prefix, tokenScope, lastId] = payload as unknown[];
    if (prefix !== TOKEN_PREFIX || tokenScope !== scope || typeof lastId !== 'string')
      return undefined;
    // Another tenant's token would only name ids this tenant cannot read; refuse it plainly.
    return lastId.startsWith(`${tenantId}:`) ? lastId : undefined;
  } catch {
    return undefined;
  }
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
    const scope = scopeOf(input.recordType, input.includeArchived);
    const afterId = decodeFieldPageToken(input.pageToken, scope, input.tenantId);
    if (afterId) query.afterId = afterId;
    else errors.push({ field: 'pageToken', message: 'is not a token issued for this listing' });
  }
  if (errors.length > 0) throw ContactError.validation(errors);
  return query;
}
