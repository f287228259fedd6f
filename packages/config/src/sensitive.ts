import type { z } from 'zod';

/**
 * Marks a variable as secret. The marker lives in zod's global metadata registry, so it
 * survives into describeConfig (docs) and redactConfig (start-up logs) without a side table.
 */
export function sensitive<T extends z.ZodType>(schema: T): T {
  return schema.meta({ sensitive: true }) as T;
}
