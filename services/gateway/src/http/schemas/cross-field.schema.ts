// Rules across the fields of one object, checked and documented together: the refinement
// answers 400 with its message, the `anyOf` says the same in the API document, so a request
// the document calls valid is one the gateway accepts.
import type { z } from './zod';

/** At least one of `keys` present (a person's first or last name, a tribute's honoree). */
export function requiresOneOf<T extends z.ZodObject>(
  schema: T,
  keys: ReadonlyArray<keyof z.output<T> & string>,
  message: string,
) {
  return schema
    .refine((value) => keys.some((key) => value[key] !== undefined), { message })
    .openapi({ anyOf: keys.map((key) => ({ required: [key] })) });
}
