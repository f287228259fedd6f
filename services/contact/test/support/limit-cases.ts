// Table-driven limit checks of the domain: a case says which field a size refuses, and
// nothing may be refused at the limit, only that field one past it.
import { DomainError } from '@kith/errors';

export type LimitCase = [
  what: string,
  refused: (n: number) => string[] | Promise<string[]>,
  limit: number,
];

export const NOW = '2026-03-10T12:00:00.000Z';
export const text = (n: number) => 'a'.repeat(n);
export const list = <T>(n: number, item: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => item(i));

/** The fields a thrown DomainError names (its code when it names none); [] when none is thrown. */
export async function refusedFields(act: () => unknown): Promise<string[]> {
  try {
    await act();
    return [];
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return err.fieldErrors.length > 0 ? err.fieldErrors.map((e) => e.field) : [err.code];
  }
}

/** One test per case: nothing is refused at the limit, and one past it only `what` is. */
export function holdsTo(cases: LimitCase[]): void {
  it.each(cases)('%s: passes at the limit, refused one past it', async (what, refused, limit) => {
    expect(await refused(limit)).toEqual([]);
    expect(await refused(limit + 1)).toEqual([what]);
  });
}
