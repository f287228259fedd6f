// Requests to list one contact's relationships: page bounds, the opaque page token, filters.
import { PAGE_SIZE_LIMITS, isUuidPosition, pageTokens } from '@kith/paging';
import type { ContactFieldError } from './contact-error';
import { RelationshipError } from './relationship-error';
import { RelationshipTypeError } from './relationship-type-error';
import type { RelationshipListQuery } from './relationship';

const { defaultSize: DEFAULT_RELATIONSHIP_PAGE_SIZE, maxSize: MAX_RELATIONSHIP_PAGE_SIZE } =
  PAGE_SIZE_LIMITS;

/** Page tokens of one contact's relationships (id order; ids are uuid v7). */
const relationshipPageTokens = pageTokens('relationships', { isPosition: isUuidPosition });

export function encodeRelationshipPageToken(lastId: string): string {
  return relationshipPageTokens.encode(lastId);
}

export function decodeRelationshipPageToken(token: string): string | undefined {
  const decoded = relationshipPageTokens.decode(token);
  return decoded.ok ? decoded.position : undefined;
}

export interface ListContactRelationshipsInput {
  tenantId: string;
  contactId: string;
  pageSize?: number;
  pageToken?: string;
  typeCode?: string;
  includeInactive?: boolean;
}

export function parseRelationshipListQuery(
  input: ListContactRelationshipsInput,
  today: string,
): RelationshipListQuery {
  const errors: ContactFieldError[] = [];
  const requested = input.pageSize ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > MAX_RELATIONSHIP_PAGE_SIZE) {
    errors.push({
      field: 'pageSize',
      message: `must be between 1 and ${MAX_RELATIONSHIP_PAGE_SIZE}`,
    });
  }
  const query: RelationshipListQuery = {
    tenantId: input.tenantId,
    contactId: input.contactId,
    pageSize: requested === 0 ? DEFAULT_RELATIONSHIP_PAGE_SIZE : requested,
    includeInactive: input.includeInactive ?? false,
    today,
  };
  if (input.pageToken) {
    const afterId = decodeRelationshipPageToken(input.pageToken);
    if (afterId) query.afterId = afterId;
    else errors.push({ field: 'pageToken', message: 'is not a token this service issued' });
  }
  const typeCode = input.typeCode?.trim();
  if (typeCode) query.typeCode = typeCode;
  if (errors.length > 0) throw RelationshipError.validation(errors);
  return query;
}

/** A page of the catalogue (small, held in memory): types after `afterCode`, by code. */
export function pageOfTypes<T extends { code: string }>(
  types: readonly T[],
  pageSize: number,
  afterCode: string | undefined,
): { items: T[]; nextAfterCode?: string } {
  const rest = afterCode === undefined ? [...types] : types.filter((t) => t.code > afterCode);
  const items = rest.slice(0, pageSize);
  const last = items.at(-1);
  return rest.length > pageSize && last ? { items, nextAfterCode: last.code } : { items };
}

/** Page tokens of the relationship type catalogue (code order). */
const typePageTokens = pageTokens('relationship-types', {
  isPosition: (value: unknown): value is string => typeof value === 'string' && value !== '',
});

export function encodeTypePageToken(lastCode: string): string {
  return typePageTokens.encode(lastCode);
}

/** Page size and the code after which a page of types starts; throws on bad input. */
export function parseTypeListQuery(input: { pageSize?: number; pageToken?: string }): {
  pageSize: number;
  afterCode?: string;
} {
  const requested = input.pageSize ?? 0;
  const errors: ContactFieldError[] = [];
  if (!Number.isInteger(requested) || requested < 0 || requested > MAX_RELATIONSHIP_PAGE_SIZE) {
    errors.push({
      field: 'pageSize',
      message: `must be between 1 and ${MAX_RELATIONSHIP_PAGE_SIZE}`,
    });
  }
  let afterCode: string | undefined;
  if (input.pageToken) {
    const decoded = typePageTokens.decode(input.pageToken);
    if (decoded.ok) {
      afterCode = decoded.position;
    } else {
      errors.push({ field: 'pageToken', message: 'is not a token this service issued' });
    }
  }
  if (errors.length > 0) throw RelationshipTypeError.validation(errors);
  const pageSize = requested === 0 ? DEFAULT_RELATIONSHIP_PAGE_SIZE : requested;
  return afterCode === undefined ? { pageSize } : { pageSize, afterCode };
}
