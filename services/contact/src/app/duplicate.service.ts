// Use cases of duplicate finding and the tenant's matching rules. Reads go through
// DuplicateCandidatesReader (one query each, see there); scoring is the pure domain's.
import { PAGE_SIZE_LIMITS, pageTokens } from '@kith/paging';
import type { ContactKind } from '../domain/contact';
import { ContactError } from '../domain/contact-error';
import { findDuplicates, type DuplicateCandidate } from '../domain/contact-matching';
import {
  isAfterPosition,
  pairPosition,
  scanForDuplicates,
  type DuplicatePair,
} from '../domain/duplicate-scan';
import {
  decidePutMatchingRules,
  effectiveMatchingRules,
  type EffectiveMatchingRules,
  type PutMatchingRulesCommand,
} from '../domain/matching-rules-decisions';
import { matchingRulesOutboxItems } from '../events/duplicate-events';
import type { ContactRepository } from '../store/contact.repository';
import type { DuplicateCandidatesReader, MatchRow } from '../store/duplicate-candidates.reader';
import type { MatchingRulesRepository } from '../store/matching-rules.repository';
import { contactNotFound } from './merge-chain';

const { defaultSize: DEFAULT_SCAN_PAGE, maxSize: MAX_SCAN_PAGE } = PAGE_SIZE_LIMITS;

export interface DuplicateServiceDeps {
  contacts: Pick<ContactRepository, 'findById'>;
  candidates: DuplicateCandidatesReader;
  rules: MatchingRulesRepository;
  now?: () => string;
}

export interface ScanPage {
  pairs: Array<DuplicatePair<MatchRow>>;
  nextPageToken?: string;
  scannedContacts: number;
  /** The tenant holds more live contacts than one scan reads (MAX_SCANNED_CONTACTS). */
  truncated: boolean;
  skippedKeys: string[];
}

export class DuplicateService {
  private readonly now: () => string;

  constructor(private readonly deps: DuplicateServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  async getRules(tenantId: string): Promise<EffectiveMatchingRules> {
    const stored = await this.deps.rules.find(tenantId);
    return effectiveMatchingRules(tenantId, stored?.rules);
  }

  async putRules(command: PutMatchingRulesCommand): Promise<EffectiveMatchingRules> {
    const stored = await this.deps.rules.find(command.tenantId);
    const rules = decidePutMatchingRules(stored?.rules, command, this.now());
    await this.deps.rules.save(rules, stored, matchingRulesOutboxItems(rules, command.actorId));
    return { ...rules, isDefault: false };
  }

  /** The contact's duplicates (of its kind, optionally checked), best first. */
  async listDuplicates(
    tenantId: string,
    contactId: string,
    kind?: ContactKind,
  ): Promise<Array<DuplicateCandidate<MatchRow>>> {
    const stored = await this.deps.contacts.findById(tenantId, contactId);
    const contact = stored?.contact;
    if (!contact || contact.deletedAt) {
      throw await contactNotFound(this.deps.contacts, tenantId, contactId, contact);
    }
    if (kind && contact.kind !== kind) throw ContactError.notFound(contactId);
    const rules = await this.getRules(tenantId);
    const candidates = await this.deps.candidates.candidatesOf(contact, rules);
    return findDuplicates(contact, candidates, rules);
  }

  /**
   * One page of the tenant's duplicate pairs. Synchronous: every page reads the tenant's
   * contacts once (projected) and scores in memory; the order is stable, so the page token
   * is the position of the last pair.
   */
  async scan(input: {
    tenantId: string;
    kind?: ContactKind;
    pageSize?: number;
    pageToken?: string;
  }): Promise<ScanPage> {
    const pageSize = input.pageSize || DEFAULT_SCAN_PAGE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_SCAN_PAGE) {
      throw ContactError.validation([
        { field: 'pageSize', message: `must be between 1 and ${MAX_SCAN_PAGE}` },
      ]);
    }
    const scope = { tenantId: input.tenantId, kind: input.kind };
    const after = input.pageToken ? decodePosition(input.pageToken, scope) : undefined;
    const rules = await this.getRules(input.tenantId);
    const { rows, truncated } = await this.deps.candidates.tenantContacts(
      input.tenantId,
      input.kind,
    );
    const { pairs, skippedKeys } = scanForDuplicates(rows, rules);
    const remaining = after ? pairs.filter((pair) => isAfterPosition(pair, after)) : pairs;
    const page = remaining.slice(0, pageSize);
    const last = page.at(-1);
    return {
      pairs: page,
      ...(remaining.length > pageSize && last
        ? { nextPageToken: duplicatePageTokens.encode(pairPosition(last), scope) }
        : {}),
      scannedContacts: rows.length,
      truncated,
      skippedKeys,
    };
  }
}

/** Page tokens of the duplicate pairs (best first), scoped to the tenant and kind. */
const duplicatePageTokens = pageTokens('duplicates', {
  isPosition: (value: unknown): value is string =>
    typeof value === 'string' && /^\d+\|[^|]+\|[^|]+$/.test(value),
});

function decodePosition(token: string, scope: object): string {
  const decoded = duplicatePageTokens.decode(token, scope);
  if (!decoded.ok) {
    throw ContactError.validation([{ field: 'pageToken', message: 'is not a token we issued' }]);
  }
  return decoded.position;
}
