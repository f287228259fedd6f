// Whether a contact is in a segment: a pure function of the definition, the contact's
// projected profile, its gifts and interactions, and the evaluation time (passed in).
// docs/segments.md says what each condition means; the service calls this over a tenant's
// profiles in pages (app/segment-audience.ts).
import type { ActivityFact, GiftFact } from './marketing-facts';
import { countsAsGiving, netMinor } from './marketing-facts';
import type { CustomFieldValue, MarketingProfile } from './marketing-profile';
import type {
  ActivityCondition,
  FieldCondition,
  GivingCondition,
  SegmentCondition,
  WindowSpec,
} from '@kith/contracts';

export interface SegmentSubject {
  profile: MarketingProfile;
  /** Gifts whose donor is the contact (hard credit). */
  gifts: readonly GiftFact[];
  /** Interactions the contact took part in. */
  activities: readonly ActivityFact[];
}

/** The start of a window ending at `now` (UTC calendar arithmetic for months and years). */
export function windowStart(window: WindowSpec, now: Date): Date {
  const start = new Date(now.getTime());
  if (window.days) start.setUTCDate(start.getUTCDate() - window.days);
  if (window.months) start.setUTCMonth(start.getUTCMonth() - window.months);
  if (window.years) start.setUTCFullYear(start.getUTCFullYear() - window.years);
  return start;
}

const inWindow = (at: string, window: WindowSpec | undefined, now: Date) =>
  !window || (at >= windowStart(window, now).toISOString() && at <= now.toISOString());

type Comparable = string | number | boolean;

function compare(value: CustomFieldValue | undefined, c: Omit<FieldCondition, 'field'>): boolean {
  if (c.exists !== undefined && (value !== undefined) !== c.exists) return false;
  const scalarChecks = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'] as const;
  if (!scalarChecks.some((k) => c[k] !== undefined)) return true;
  // A missing value is "not X" and nothing else.
  if (value === undefined) return scalarChecks.every((k) => k === 'ne' || c[k] === undefined);
  const values: Comparable[] = Array.isArray(value) ? value : [value];
  // A list value matches when any element does (a multi-select custom field).
  return values.some((v) => compareOne(v, c));
}

function compareOne(v: Comparable, c: Omit<FieldCondition, 'field'>): boolean {
  if (c.eq !== undefined && v !== c.eq) return false;
  if (c.ne !== undefined && v === c.ne) return false;
  if (c.in !== undefined && !c.in.includes(v)) return false;
  if (c.contains !== undefined && !String(v).toLowerCase().includes(c.contains.toLowerCase())) {
    return false;
  }
  const ordered = (
    bound: number | string | undefined,
    ok: (a: number | string, b: number | string) => boolean,
  ) => bound === undefined || (typeof v === typeof bound && ok(v as number | string, bound));
  return (
    ordered(c.gt, (a, b) => a > b) &&
    ordered(c.gte, (a, b) => a >= b) &&
    ordered(c.lt, (a, b) => a < b) &&
    ordered(c.lte, (a, b) => a <= b)
  );
}

function withinBounds(
  n: number,
  c: { eq?: number; gt?: number; gte?: number; lt?: number; lte?: number },
) {
  return (
    (c.eq === undefined || n === c.eq) &&
    (c.gt === undefined || n > c.gt) &&
    (c.gte === undefined || n >= c.gte) &&
    (c.lt === undefined || n < c.lt) &&
    (c.lte === undefined || n <= c.lte)
  );
}

function givingMatches(c: GivingCondition, gifts: readonly GiftFact[], now: Date): boolean {
  const counted = gifts.filter(
    (g) =>
      countsAsGiving(g) &&
      (!c.currency || g.currency === c.currency) &&
      (c.giving === 'lastGiftDate' || inWindow(g.receivedAt, c.within, now)),
  );
  switch (c.giving) {
    case 'total':
      return withinBounds(
        counted.reduce((sum, g) => sum + netMinor(g), 0),
        c,
      );
    case 'count':
      return withinBounds(counted.length, c);
    case 'largest':
      return withinBounds(Math.max(0, ...counted.map(netMinor)), c);
    case 'lastGiftDate': {
      if (counted.length === 0) return false;
      const last = counted.reduce((a, g) => (g.receivedAt > a ? g.receivedAt : a), '');
      return (
        (!c.before || last < new Date(c.before).toISOString()) &&
        (!c.after || last > new Date(c.after).toISOString()) &&
        inWindow(last, c.within, now)
      );
    }
  }
}

function activityMatches(
  c: ActivityCondition,
  activities: readonly ActivityFact[],
  now: Date,
): boolean {
  const n = activities.filter(
    (a) => !a.deleted && a.type === c.activity && inWindow(a.occurredAt, c.within, now),
  ).length;
  return withinBounds(n, c);
}

export function matchesSegment(
  condition: SegmentCondition,
  subject: SegmentSubject,
  now: Date,
): boolean {
  const { profile } = subject;
  if (profile.status !== 'active') return false;
  if ('and' in condition) return condition.and.every((c) => matchesSegment(c, subject, now));
  if ('or' in condition) return condition.or.some((c) => matchesSegment(c, subject, now));
  if ('not' in condition) return !matchesSegment(condition.not, subject, now);
  if ('tag' in condition) return profile.tags.includes(condition.tag);
  if ('field' in condition) {
    const { field, ...cmp } = condition;
    return compare(profile[field], cmp);
  }
  if ('customField' in condition) {
    const { customField, ...cmp } = condition;
    return compare(profile.customFields[customField], cmp);
  }
  if ('reachable' in condition) return !profile.channels[condition.reachable].suppressed;
  if ('consent' in condition)
    return profile.channels[condition.consent].consent === condition.status;
  if ('giving' in condition) return givingMatches(condition, subject.gifts, now);
  return activityMatches(condition, subject.activities, now);
}
