// Every list's limit and cursor hold to the page size and token length the services apply
// too (@kith/paging): the limit passes at the most and is refused one past, an absent limit
// pages by the listing's default, and a cursor is refused past the longest token.
import type { z } from 'zod';
import { CUSTOM_FIELD_LIMITS } from '@kith/contracts';
import { MAX_PAGE_TOKEN_LENGTH, PAGE_SIZE_LIMITS } from '@kith/paging';
import { AuditQuerySchema } from '../src/modules/contact/audit.schema';
import { ListQuerySchema } from '../src/modules/contact/contact-list.schema';
import { CustomFieldListQuerySchema } from '../src/modules/contact/custom-field.schema';
import { DuplicateScanQuerySchema } from '../src/modules/contact/duplicate.schema';
import { HouseholdListQuerySchema } from '../src/modules/contact/household.schema';
import {
  ContactRelationshipsQuerySchema,
  RelationshipTypesQuerySchema,
} from '../src/modules/contact/relationship.schema';
import { holdsTo, text } from './support/limit-cases';

describe('every list holds to the shared page size and token length (@kith/paging)', () => {
  const lists: Array<[string, z.ZodType, number]> = [
    ['ListQuerySchema', ListQuerySchema, PAGE_SIZE_LIMITS.defaultSize],
    ['HouseholdListQuerySchema', HouseholdListQuerySchema, PAGE_SIZE_LIMITS.defaultSize],
    [
      'ContactRelationshipsQuerySchema',
      ContactRelationshipsQuerySchema,
      PAGE_SIZE_LIMITS.defaultSize,
    ],
    ['RelationshipTypesQuerySchema', RelationshipTypesQuerySchema, PAGE_SIZE_LIMITS.defaultSize],
    ['DuplicateScanQuerySchema', DuplicateScanQuerySchema, PAGE_SIZE_LIMITS.defaultSize],
    ['AuditQuerySchema', AuditQuerySchema, PAGE_SIZE_LIMITS.defaultSize],
    ['CustomFieldListQuerySchema', CustomFieldListQuerySchema, CUSTOM_FIELD_LIMITS.defaultPageSize],
  ];

  describe.each(lists)('%s', (_name, schema, defaultSize) => {
    holdsTo(schema, [['limit', (n) => ({ limit: String(n) }), PAGE_SIZE_LIMITS.maxSize]]);

    it('pages by the shared default when no limit is given', () => {
      expect(schema.parse({})).toMatchObject({ limit: defaultSize });
    });
  });

  // The audit trail's cursor is the service's own token, bounded by a pattern of its own.
  describe.each(lists.filter(([name]) => name !== 'AuditQuerySchema'))('%s', (_name, schema) => {
    holdsTo(schema, [['cursor', (n) => ({ cursor: text(n) }), MAX_PAGE_TOKEN_LENGTH]]);
  });
});
