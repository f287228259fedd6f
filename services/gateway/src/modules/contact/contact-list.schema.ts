// The query of a contact or organization list (the cf.* filters are custom-field-value's).
import { CONTACT_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { shortText } from '../../http/schemas/text.schema';
import { cursorQuery, pageSizeQuery } from '../../http/schemas/paging.schema';
import { emailAddress } from './contact-point.schema';

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .openapi({ type: 'boolean' });

export const ListQuerySchema = z.strictObject({
  limit: pageSizeQuery({ noun: 'Page size' }),
  cursor: cursorQuery('nextCursor from the previous page. Repeat the same filters with it.'),
  namePrefix: shortText(LIMITS.name).optional().openapi({
    description: 'Case- and accent-insensitive prefix of the display name, first or last name.',
  }),
  email: emailAddress.optional().openapi({
    description: 'Exact email address, compared case-insensitively.',
  }),
  tag: shortText(LIMITS.tag).optional().openapi({ description: 'Only records carrying this tag.' }),
  search: shortText(LIMITS.search)
    .optional()
    .openapi({
      description:
        'Prefix of a name (case- and accent-insensitive), an email address or a phone number ' +
        '(digits; "555 01" finds "+1 555 0100").',
    }),
  doNotContact: booleanQuery.optional().openapi({
    description: 'true: only records marked do-not-contact; false: only the others.',
  }),
  deceased: booleanQuery.optional().openapi({ description: 'true or false, like doNotContact.' }),
});
