// A tenant's matching rules: one document per tenant in `matching_rules` with `_id = tenantId`
// (the one lookup FerretDB answers without a scan), written through the outbox.
import {
  findOwned,
  insertVersioned,
  updateVersioned,
  type AggregateStore,
} from '@kith/aggregate-store';
import type { Outbox, OutboxItem, OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
import type { MatchingRule, TenantMatchingRules } from '../domain/contact-matching';
import { MatchingRulesError } from '../domain/matching-rules-error';

export const MATCHING_RULES_COLLECTION = 'matching_rules';

interface MatchingRulesDocument {
  _id: string;
  tenantId: string;
  version: number;
  threshold: number;
  rules: MatchingRule[];
  updatedAt: string;
  _outboxLog?: OutboxLogRecord[];
}

export interface StoredMatchingRules {
  rules: TenantMatchingRules;
  outboxLog: OutboxLogRecord[];
}

const conflict = (expected: number): MatchingRulesError => MatchingRulesError.conflict(expected);

export class MatchingRulesRepository {
  private readonly store: AggregateStore<MatchingRulesDocument>;

  constructor(db: mongo.Db, outbox: Outbox) {
    const collection = db.collection<MatchingRulesDocument>(MATCHING_RULES_COLLECTION);
    this.store = { collection, outbox };
  }

  async find(tenantId: string): Promise<StoredMatchingRules | undefined> {
    const doc = await findOwned(this.store.collection, tenantId, tenantId);
    if (!doc) return undefined;
    const { _id, _outboxLog, ...rules } = doc;
    return { rules, outboxLog: _outboxLog ?? [] };
  }

  /** Version 1 is an insert (a taken `_id` lost the race), later versions a versioned update. */
  async save(
    rules: TenantMatchingRules,
    previous: StoredMatchingRules | undefined,
    items: OutboxItem[],
  ): Promise<void> {
    const expectedVersion = rules.version - 1;
    const state = {
      _id: rules.tenantId,
      tenantId: rules.tenantId,
      version: rules.version,
      threshold: rules.threshold,
      rules: rules.rules,
      updatedAt: rules.updatedAt,
    };
    const write = { items, conflict: () => conflict(expectedVersion) };
    if (!previous)
      await insertVersioned(this.store, state, { ...write, duplicate: write.conflict });
    else
      await updateVersioned(this.store, state, {
        ...write,
        expectedVersion,
        outboxLog: previous.outboxLog,
      });
  }
}
