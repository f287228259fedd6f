// The page every list answers with: data and an opaque nextCursor.
import { z } from './zod';

export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'null on the last page.' }),
    })
    .openapi(name);
}
