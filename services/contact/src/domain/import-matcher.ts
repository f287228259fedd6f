// Dedup for bulk import by the tenant's duplicate-matching rules (contact-matching.ts). The
// stored contacts of one kind are loaded ONCE per job (one projection scan: on FerretDB 1.x
// every non-_id filter reads the whole collection, so a query per row would cost 100k scans)
// and indexed in memory by the rules' match keys. A row is scored only against the contacts
// that share one of its keys (two contacts can satisfy a rule only if they share its key), so
// matching costs about the number of candidates, not the number of contacts. Contacts created
// earlier in the same file are added as they are created, so in-file duplicates are caught too.
// The same scan gives the ids of deleted, merged and erased contacts, so a file's `id` column
// (an export's) is resolved in memory too.
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

/**
 * What an id of the file names in this tenant and kind: a live contact (a merge victim answers
 * its survivor), a deleted or erased one, or nothing it knows.
 */
export type IdResolution =
  { status: 'live' | 'deleted' | 'erased'; id: string } | { status: 'unknown' };

export interface ImportMatcher {
  /** The existing (or earlier imported) contact this row duplicates, if any. */
  match(fields: MatchableFields): ImportMatch | undefined;
  /** Makes a contact created by this import findable by the rows after it. */
  remember(id: string, fields: MatchableFields): void;
  resolveId(id: string): IdResolution;
}

export interface ImportMatcherFactory {
  /** Loads the tenant's rules and contacts of one kind (one scan, at job start). */
  prepare(tenantId: string, kind: ContactKind): Promise<ImportMatcher>;
}

/** A stored contact as the factory reads it; a deleted one is kept only for resolveId. */
export type StoredMatchable = MatchableFields & {
  id: string;
  deletedAt?: string;
  erasedAt?: string;
  mergedInto?: string;
};

/** More merges in a row than this is a cycle (a damaged record): the id is not followed. */
const MAX_MERGE_HOPS = 16;

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
  /** Every id seen: live, or retired with where a merge sent it. */
  private readonly ids = new Map<string, { retired?: 'deleted' | 'erased'; mergedInto?: string }>();

  constructor(
    private readonly ruleSet: MatchingRuleSet,
    private readonly kind: ContactKind,
    existing: Iterable<StoredMatchable> = [],
  ) {
    for (const contact of existing) {
      if (!contact.deletedAt) this.remember(contact.id, contact);
      else this.rememberRetired(contact.id, contact);
    }
  }

  /** A deleted (merged, erased) contact: never matched, only resolved by id. */
  rememberRetired(id: string, state: { erasedAt?: string; mergedInto?: string }): void {
    this.ids.set(id, {
      retired: state.erasedAt ? 'erased' : 'deleted',
      ...(state.mergedInto ? { mergedInto: state.mergedInto } : {}),
    });
  }

  resolveId(id: string): IdResolution {
    let current = id;
    for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
      const known = this.ids.get(current);
      // A survivor this index lacks is gone for this import: not an id to ignore.
      if (!known) return hop === 0 ? { status: 'unknown' } : { status: 'deleted', id: current };
      if (!known.retired) return { status: 'live', id: current };
      if (known.retired === 'erased' || !known.mergedInto) {
        return { status: known.retired, id: current };
      }
      current = known.mergedInto;
    }
    return { status: 'deleted', id };
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
    this.ids.set(id, {});
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
