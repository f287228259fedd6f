// Free text as every validation here checks it: the character rule shared with the gateway
// (@kith/contracts field-rules.ts: no control characters, no lone surrogates) and a length
// limit, each problem reported under the field's path.
import { freeTextProblem } from '@kith/contracts';
import type { ContactFieldError } from './contact-error';

export function checkFreeText(
  errors: ContactFieldError[],
  field: string,
  value: string | undefined | null,
  max: number,
): void {
  if (value === undefined || value === null) return;
  const problem = freeTextProblem(value, max);
  if (problem) errors.push({ field, message: problem });
}

// The furthest time zone is UTC+14: a date is in the future only once it is not yet today
// anywhere on Earth, so nobody's "born today" is refused for being ahead of UTC.
const FURTHEST_AHEAD_MS = 14 * 60 * 60 * 1000;

/** Whether a YYYY-MM-DD day has not begun anywhere yet at `now` (ISO-8601). */
export function isFutureDay(day: string, now: string): boolean {
  const latestToday = new Date(Date.parse(now) + FURTHEST_AHEAD_MS).toISOString().slice(0, 10);
  return day > latestToday;
}
