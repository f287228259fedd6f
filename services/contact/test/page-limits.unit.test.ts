// Every listing of the contact service holds to the page sizes the gateway's `limit`
// parameters use (@kith/paging PAGE_SIZE_LIMITS): the most passes, one more is refused as
// pageSize, and a request without a size pages by the listing's default.
import { CUSTOM_FIELD_LIMITS } from '@kith/contracts';
import { PAGE_SIZE_LIMITS } from '@kith/paging';
import { ContactAuditQuery } from '../src/app/contact-audit.query';
import { DuplicateService, type DuplicateServiceDeps } from '../src/app/duplicate.service';
import { parseListQuery } from '../src/domain/contact-list-query';
import { parseCustomFieldListQuery } from '../src/domain/custom-field-list-query';
import { parseHouseholdListQuery } from '../src/domain/household-validation';
import {
  parseRelationshipListQuery,
  parseTypeListQuery,
} from '../src/domain/relationship-list-query';
import { holdsTo, refusedFields } from './support/limit-cases';

describe('every listing holds to the shared page sizes (@kith/paging)', () => {
  const auditQuery = new ContactAuditQuery({
    list: async () => ({ entries: [], hasMore: false }),
  } as unknown as ConstructorParameters<typeof ContactAuditQuery>[0]);
  const duplicates = new DuplicateService({
    contacts: { findById: async () => undefined },
    candidates: { tenantContacts: async () => ({ rows: [], truncated: false }) },
    rules: { find: async () => undefined },
  } as unknown as DuplicateServiceDeps);
  const tenantId = 't1';
  const listings: Array<[string, (pageSize: number) => unknown]> = [
    ['contacts', (pageSize) => parseListQuery({ tenantId, pageSize })],
    ['households', (pageSize) => parseHouseholdListQuery({ tenantId, pageSize })],
    [
      'relationships',
      (pageSize) =>
        parseRelationshipListQuery({ tenantId, contactId: 'c1', pageSize }, '2026-03-10'),
    ],
    ['relationship types', (pageSize) => parseTypeListQuery({ pageSize })],
    [
      'custom fields',
      (pageSize) =>
        parseCustomFieldListQuery({
          tenantId,
          recordType: '',
          includeArchived: false,
          pageSize,
          pageToken: '',
        }),
    ],
    ['audit trail', (pageSize) => auditQuery.list({ tenantId, contactId: 'c1', pageSize })],
    ['duplicate scan', (pageSize) => duplicates.scan({ tenantId, pageSize })],
  ];

  describe.each(listings)('%s', (_listing, list) => {
    holdsTo([['pageSize', (n) => refusedFields(() => list(n)), PAGE_SIZE_LIMITS.maxSize]]);
  });

  it.each<[string, number, number]>([
    ['contacts', parseListQuery({ tenantId }).pageSize, PAGE_SIZE_LIMITS.defaultSize],
    ['households', parseHouseholdListQuery({ tenantId }).pageSize, PAGE_SIZE_LIMITS.defaultSize],
    ['relationship types', parseTypeListQuery({}).pageSize, PAGE_SIZE_LIMITS.defaultSize],
    [
      'custom fields',
      parseCustomFieldListQuery({
        tenantId,
        recordType: '',
        includeArchived: false,
        pageSize: 0,
        pageToken: '',
      }).pageSize,
      CUSTOM_FIELD_LIMITS.defaultPageSize,
    ],
  ])('%s: pages by the shared default when no size is given', (_listing, pageSize, expected) => {
    expect(pageSize).toBe(expected);
  });
});
