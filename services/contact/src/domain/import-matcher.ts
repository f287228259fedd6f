// Dedup for bulk import by the tenant's duplicate-matching rules (contact-matching.ts). The
// stored contacts of one kind are loaded ONCE per job (one projection scan: on FerretDB 1.x
// every non-_id filter reads the whole collection, so a query per row would cost 100k scans)
// and indexed in memory by the rules' match keys. A row is scored only against the contacts
// that share one of its keys (two contacts can satisfy a rule only if they share its key), so
// matching costs about the number of candidates, not the number of contacts. Contacts created
// earlier in the same file are added as they are created, so in-file duplicates are caught too.
import type { ContactKind } from './contact';
import {
  findDuplicates,
  matchKeys,
  type MatchableContact,
  type MatchingRuleSet,
} from './contact-matching';

export interface ImportMatch {
  existingId: string;
  /** The pair score under the tenant's rules: at least its threshold. */
  score: number;
  /** Names of the rules that matched, in rule-set order. */
  matchedRules: string[];
}

/** What matching reads of a row or a stored contact; a ContactFields fits. */
export type MatchableFields = Omit<MatchableContact, 'id' | 'kind'>;

export interface ImportMatcher {
  /** The existing (or earlier imported) contact this row duplicates, if any. */
  match(fields: MatchableFields): ImportMatch | undefined;
  /** Makes a contact created by this import findable by the rows after it. */
  remember(id: string, fields: MatchableFields): void;
}

export interface ImportMatcherFactory {
  /** Loads the tenant's rules and contacts of one kind (one scan, at job start). */
  prepare(tenantId: string, kind: ContactKind): Promise<ImportMatcher>;
}

/** A stored contact as the factory reads it. */
export type StoredMatchable = MatchableFields & { id: string };

type Candidate = MatchableContact & { id: string };

/**
 * A key shared by more contacts than this (an office switchboard, "info@" of a chain) offers
 * only its oldest ones as candidates, so one crowded key cannot make every row score
 * thousands of pairs. A contact beyond the cap is still found through its other keys.
 */
export const MAX_CANDIDATES_PER_KEY = 50;

/**
 * Matches a row to the candidate with the best score at or above the threshold; ties go to
 * the oldest (smallest, time-ordered) id. Scoring and ranking are findDuplicates', the
 * duplicate finder's own, so the import and /v1/duplicates judge a pair alike.
 */
export class RuleImportMatcher implements ImportMatcher {
  private readonly byKey = new Map<string, Candidate[]>();

  constructor(
    private readonly ruleSet: MatchingRuleSet,
    private readonly kind: ContactKind,
    existing: Iterable<StoredMatchable> = [],
  ) {
    for (const contact of existing) this.remember(contact.id, contact);
  }

  match(fields: MatchableFields): ImportMatch | undefined {
    const row = this.matchable(fields);
    const candidates = new Set<Candidate>();
    for (const key of matchKeys(row, this.ruleSet)) {
      for (const candidate of this.byKey.get(key) ?? []) candidates.add(candidate);
    }
    if (candidates.size === 0) return undefined;
    const [best] = findDuplicates(row, [...candidates], this.ruleSet);
    return best
      ? { existingId: best.contact.id, score: best.score, matchedRules: best.matchedRules }
      : undefined;
  }

  /** Stored contacts may come in any order; a crowded key keeps its oldest. */
  remember(id: string, fields: MatchableFields): void {
    const contact: Candidate = { ...this.matchable(fields), id };
    for (const key of matchKeys(contact, this.ruleSet)) {
      const bucket = this.byKey.get(key);
      if (!bucket) this.byKey.set(key, [contact]);
      else if (bucket.length < MAX_CANDIDATES_PER_KEY) bucket.push(contact);
      else replaceNewest(bucket, contact);
    }
  }

  /** Only what matching reads, so a remembered row does not keep its whole record alive. */
  private matchable(fields: MatchableFields): MatchableContact {
    return {
      kind: this.kind,
      ...(fields.person ? { person: fields.person } : {}),
      ...(fields.organization ? { organization: fields.organization } : {}),
      emails: fields.emails,
      phones: fields.phones,
      addresses: fields.addresses,
      ...(fields.birthDate ? { birthDate: fields.birthDate } : {}),
    };
  }
}

/** Keeps the bucket's oldest ids: the contact replaces the newest one if it is older. */
function replaceNewest(bucket: Candidate[], contact: Candidate): void {
  const ids = bucket.map((candidate) => candidate.id);
  const newest = ids.reduce((max, id) => (id > max ? id : max));
  if (contact.id < newest) bucket[ids.indexOf(newest)] = contact;
}
