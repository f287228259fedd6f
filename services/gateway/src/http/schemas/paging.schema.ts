// What every list takes and answers: a `limit` and a `cursor` within the bounds the services
// apply too (@kith/paging), and the page of data with an opaque nextCursor.
import { MAX_PAGE_TOKEN_LENGTH, PAGE_SIZE_LIMITS, PAGE_TOKEN_PATTERN } from '@kith/paging';
import { z } from './zod';

/**
 * A list's `limit`: 1..PAGE_SIZE_LIMITS.maxSize, `defaultSize` when absent; with a `noun`
 * the document describes it ("Page size, 1..200 (default 50).").
 */
export function pageSizeQuery(options: { defaultSize?: number; noun?: string } = {}) {
  const { defaultSize = PAGE_SIZE_LIMITS.defaultSize, noun } = options;
  const schema = z.coerce.number().int().min(1).max(PAGE_SIZE_LIMITS.maxSize).default(defaultSize);
  if (noun === undefined) return schema;
  return schema.openapi({
    description: `${noun}, 1..${PAGE_SIZE_LIMITS.maxSize} (default ${defaultSize}).`,
  });
}

/**
 * A list's `cursor`: the nextCursor of the previous page, never longer than a token may be,
 * in the alphabet of every token (base64url, @kith/paging). Only cursors the API issued are
 * taken (400 otherwise), which no pattern can say: the document says it in words.
 */
export function cursorQuery(description: string) {
  return z
    .string()
    .min(1)
    .max(MAX_PAGE_TOKEN_LENGTH)
    .optional()
    .openapi({
      description: `${description} Only a nextCursor this API issued is taken.`,
      pattern: PAGE_TOKEN_PATTERN,
    });
}

export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'null on the last page.' }),
    })
    .openapi(name);
}
