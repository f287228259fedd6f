// Dedup for bulk import, behind a small interface so the tenant's matching rules (the
// duplicate-matching work: matchKeys / scorePair per rule set) can replace the exact-key
// matcher without touching the import use case. The keys of the tenant's contacts are
// loaded ONCE per job (one projection scan: on FerretDB 1.x every non-_id filter reads the
// whole collection, so a query per row would cost 100k scans) and kept in memory; contacts
// created earlier in the same file are added, so in-file duplicates are caught too.
import type { ContactFields, ContactKind } from './contact';

export interface ImportMatch {
  existingId: string;
  /** 1 for an exact key match; rule-based matchers answer their pair score. */
  score: number;
}

export interface ImportMatcher {
  /** The existing (or earlier imported) contact this row duplicates, if any. */
  match(fields: ContactFields): ImportMatch | undefined;
  /** Makes a contact created by this import findable by the rows after it. */
  remember(id: string, fields: ContactFields): void;
}

export interface ImportMatcherFactory {
  /** Loads what the matcher needs for one tenant and kind (one scan, at job start). */
  prepare(tenantId: string, kind: ContactKind): Promise<ImportMatcher>;
}

/** What the exact matcher needs of a stored contact. */
export type MatchKeySource = Pick<ContactFields, 'emails' | 'phones'>;

/**
 * Exact keys: every normalized email ("email:jane@example.org") and every normalized phone
 * with at least 7 digits ("phone:+15550102030"; shorter ones are extensions or typos and
 * would merge strangers). Email and phone are normalized by validation already.
 */
export function exactMatchKeys(fields: MatchKeySource): string[] {
  const keys = fields.emails.map((email) => `email:${email.address.trim().toLowerCase()}`);
  for (const phone of fields.phones) {
    if (phone.normalized.replace('+', '').length >= 7) keys.push(`phone:${phone.normalized}`);
  }
  return keys;
}

/** Matches on any shared exact key; the first contact that claimed a key keeps it. */
export class ExactKeyMatcher implements ImportMatcher {
  private readonly owners = new Map<string, string>();

  constructor(existing: Iterable<{ id: string; fields: MatchKeySource }> = []) {
    for (const { id, fields } of existing) this.remember(id, fields);
  }

  match(fields: ContactFields): ImportMatch | undefined {
    for (const key of exactMatchKeys(fields)) {
      const existingId = this.owners.get(key);
      if (existingId !== undefined) return { existingId, score: 1 };
    }
    return undefined;
  }

  remember(id: string, fields: MatchKeySource): void {
    for (const key of exactMatchKeys(fields)) {
      if (!this.owners.has(key)) this.owners.set(key, id);
    }
  }

  get size(): number {
    return this.owners.size;
  }
}
