// The page every list answers with (data and an opaque nextCursor), and the page a list is
// asked for (limit, and the cursor of the page before).
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../domain/pagination';
import { z } from './zod';

/** `limit` and `cursor` of a listing whose cursor is bound to its filters. */
export const filteredPageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ description: `Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
  cursor: z.string().min(1).max(2048).optional().openapi({
    description: 'nextCursor from the previous page. Repeat the same filters with it.',
  }),
};

export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'null on the last page.' }),
    })
    .openapi(name);
}
