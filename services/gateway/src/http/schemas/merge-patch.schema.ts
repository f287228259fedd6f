// JSON merge patch bodies, documented the same way on every PATCH.
import type { z } from './zod';

/** A JSON merge patch body: at least one field, documented the same way everywhere. */
export function mergePatchBody<T extends z.ZodObject>(body: T, name: string) {
  return body
    .refine((b) => Object.keys(b).length > 0, { message: 'Send at least one field to change.' })
    .openapi(name, {
      minProperties: 1,
      description:
        'JSON merge patch: absent keys stay, null clears a field, arrays are replaced whole.',
    });
}
