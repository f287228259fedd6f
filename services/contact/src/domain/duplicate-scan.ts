// The tenant-wide duplicate scan, pure: bucket contacts by match key, score only the pairs
// that share a bucket. Contacts that share no key can match no rule (contact-matching.ts), so
// this finds every pair a full n² comparison would, at the cost of one pass plus the pairs.
import {
  matchKeys,
  scorePair,
  type MatchableContact,
  type MatchingRuleSet,
} from './contact-matching';

/**
 * A key shared by more contacts than this (an office switchboard, "info@" of a chain, a
 * common name in one big postal code) is skipped: it would produce a quadratic number of
 * pairs that are mostly not duplicates. Its members still pair through their other keys.
 */
export const MAX_BUCKET_SIZE = 50;

export interface DuplicatePair<C extends MatchableContact & { id: string }> {
  /** The pair in id order: `a.id < b.id`. */
  a: C;
  b: C;
  score: number;
  matchedRules: string[];
}

export interface DuplicateScanResult<C extends MatchableContact & { id: string }> {
  /** Best first (score descending), then by ids: a stable order to page through. */
  pairs: Array<DuplicatePair<C>>;
  /** Keys skipped for holding more than MAX_BUCKET_SIZE contacts. */
  skippedKeys: string[];
}

export function scanForDuplicates<C extends MatchableContact & { id: string }>(
  contacts: readonly C[],
  ruleSet: MatchingRuleSet,
  maxBucketSize = MAX_BUCKET_SIZE,
): DuplicateScanResult<C> {
  const buckets = new Map<string, C[]>();
  for (const contact of contacts) {
    // The kind is part of the key: a person and an organization never match.
    for (const key of matchKeys(contact, ruleSet)) {
      const bucketKey = `${contact.kind}/${key}`;
      const bucket = buckets.get(bucketKey);
      if (bucket) bucket.push(contact);
      else buckets.set(bucketKey, [contact]);
    }
  }
  const skippedKeys: string[] = [];
  const seen = new Set<string>();
  const pairs: Array<DuplicatePair<C>> = [];
  for (const [key, bucket] of buckets) {
    if (bucket.length > maxBucketSize) {
      skippedKeys.push(key);
      continue;
    }
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const [a, b] = orderById(bucket[i] as C, bucket[j] as C);
        const pairKey = `${a.id}|${b.id}`;
        if (a.id === b.id || seen.has(pairKey)) continue;
        seen.add(pairKey);
        const { score, matchedRules } = scorePair(a, b, ruleSet);
        if (score >= ruleSet.threshold && score > 0) pairs.push({ a, b, score, matchedRules });
      }
    }
  }
  pairs.sort(comparePairs);
  return { pairs, skippedKeys: skippedKeys.sort() };
}

/** The position of a pair in the scan's order, for cursors: "<score>|<a id>|<b id>". */
export function pairPosition(pair: {
  score: number;
  a: { id: string };
  b: { id: string };
}): string {
  return `${pair.score}|${pair.a.id}|${pair.b.id}`;
}

/** Whether the pair comes after the position (the last one of the previous page). */
export function isAfterPosition(
  pair: { score: number; a: { id: string }; b: { id: string } },
  position: string,
): boolean {
  const [score, a, b] = position.split('|');
  const other = { score: Number(score), a: { id: a ?? '' }, b: { id: b ?? '' } };
  return comparePairs(pair, other) > 0;
}

function comparePairs(
  x: { score: number; a: { id: string }; b: { id: string } },
  y: { score: number; a: { id: string }; b: { id: string } },
): number {
  return y.score - x.score || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id);
}

function orderById<C extends { id: string }>(x: C, y: C): [C, C] {
  return x.id < y.id ? [x, y] : [y, x];
}
