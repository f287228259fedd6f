// Table-driven limit checks: a case builds an input from a size, and the schema must accept
// it at the limit and refuse it one past.
import type { z } from 'zod';

export type LimitCase = [name: string, input: (n: number) => unknown, limit: number];

export const text = (n: number) => 'a'.repeat(n);

export const list = <T>(n: number, item: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => item(i));

/** One test per case: `schema` passes its input at the limit and refuses it one past. */
export function holdsTo(schema: z.ZodType, cases: LimitCase[]): void {
  it.each(cases)('%s: passes at the limit, refused one past it', (_name, input, limit) => {
    expect(schema.safeParse(input(limit)).success).toBe(true);
    expect(schema.safeParse(input(limit + 1)).success).toBe(false);
  });
}

/** A person body with a name, plus `fields`. */
export const person = (fields: Record<string, unknown>) => ({
  name: { firstName: 'Ada', lastName: 'Lovelace' },
  ...fields,
});

/** A text custom field definition body, plus `fields`. */
export const definition = (fields: Record<string, unknown>) => ({
  recordType: 'person',
  key: 'level',
  label: 'Level',
  type: 'text',
  ...fields,
});

export const option = (fields: Record<string, unknown> = {}) => ({ value: 'gold', ...fields });
