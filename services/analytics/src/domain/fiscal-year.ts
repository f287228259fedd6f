// Fiscal-year arithmetic on UTC months (`YYYY-MM`). A fiscal year is named by the calendar year
// it ends in (the US federal and most nonprofit usage): with a start month of 7, fiscal year
// 2026 runs from July 2025 to June 2026; with January (the default) it is the calendar year.
// Pure: the clock is passed in.

/** The UTC month of an ISO-8601 time, `YYYY-MM`. */
export function monthOf(at: string | Date): string {
  return new Date(at).toISOString().slice(0, 7);
}

const parts = (month: string): [number, number] => {
  const [year, m] = month.split('-').map(Number);
  return [year as number, m as number];
};

const format = (year: number, month: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/** The fiscal year a month belongs to. */
export function fiscalYearOf(month: string, startMonth: number): number {
  const [year, m] = parts(month);
  return startMonth > 1 && m >= startMonth ? year + 1 : year;
}

/** The twelve months of a fiscal year, in order. */
export function fiscalYearMonths(fiscalYear: number, startMonth: number): string[] {
  const firstYear = startMonth > 1 ? fiscalYear - 1 : fiscalYear;
  return Array.from({ length: 12 }, (_, i) => {
    const index = startMonth - 1 + i;
    return format(firstYear + Math.floor(index / 12), (index % 12) + 1);
  });
}

/** The fiscal year `now` falls in. */
export function currentFiscalYear(now: Date, startMonth: number): number {
  return fiscalYearOf(monthOf(now), startMonth);
}

/** True for a whole month number 1-12. */
export function isStartMonth(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 12;
}
