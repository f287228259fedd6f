// Calendar dates as custom fields store them: YYYY-MM-DD strings, which compare correctly
// as strings, so range rules and `$gte`/`$lt` filters need no date type.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * True for a real calendar date (2026-02-30 is not one), any year 0000..9999 as the API
 * document's `format: date` allows. setUTCFullYear, not Date.UTC: Date.UTC reads the years
 * 0..99 as 1900..1999, which refused 0063-01-01.
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * YYYY-MM-DD, or undefined when the text is neither a calendar date nor an ISO-8601 time
 * with an offset (a time is stored as its UTC date, so every writer agrees on the day).
 */
export function normalizeDate(value: string): string | undefined {
  const text = value.trim();
  if (isCalendarDate(text)) return text;
  if (!DATE_TIME_PATTERN.test(text)) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString().slice(0, 10);
}
