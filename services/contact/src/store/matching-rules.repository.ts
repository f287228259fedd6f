// A tenant's matching rules: one document per tenant in `matching_rules` with `_id = tenantId`
// (the one lookup FerretDB answers without a scan), written through the outbox.
import { retryTransient, type Outbox, type OutboxItem, type OutboxLogRecord } from '@kith/bus';
import type { mongo } from 'mongoose';
import type { MatchingRule, TenantMatchingRules } from '../domain/contact-matching';
import { MatchingRulesError } from '../domain/matching-rules-error';
import { isDuplicateKey, writeThroughOutbox } from './relationship-outbox.util';

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
  private readonly collection: mongo.Collection<MatchingRulesDocument>;

  constructor(
    db: mongo.Db,
    private readonly outbox: Outbox,
  ) {
    this.collection = db.collection<MatchingRulesDocument>(MATCHING_RULES_COLLECTION);
  }

  async find(tenantId: string): Promise<StoredMatchingRules | undefined> {
    const doc = await retryTransient(() => this.collection.findOne({ _id: tenantId }));
    if (!doc || doc.tenantId !== tenantId) return undefined;
    const { _id, _outboxLog, ...rules } = doc;
    return { rules, outboxLog: _outboxLog ?? [] };
  }

  /** Version 1 is an insert (a taken `_id` lost the race), later versions a versioned update. */
  async save(
    rules: TenantMatchingRules,
    previous: StoredMatchingRules | undefined,
    items: OutboxItem[],
  ): Promise<void> {
    const expected = rules.version - 1;
    const state = {
      tenantId: rules.tenantId,
      version: rules.version,
      threshold: rules.threshold,
      rules: rules.rules,
      updatedAt: rules.updatedAt,
    };
    await writeThroughOutbox(
      this.outbox,
      {
        collection: MATCHING_RULES_COLLECTION,
        aggregateId: rules.tenantId,
        version: rules.version,
        items,
      },
      async (staged) => {
        if (!previous) {
          try {
            const doc = { _id: rules.tenantId, ...state, _outboxLog: staged.outboxLog([]) };
            await retryTransient(() => this.collection.insertOne(doc));
          } catch (err) {
            if (isDuplicateKey(err)) throw conflict(expected);
            throw err;
          }
          return;
        }
        const result = await retryTransient(() =>
          this.collection.updateOne(
            { _id: rules.tenantId, version: expected },
            { $set: { ...state, _outboxLog: staged.outboxLog(previous.outboxLog) } },
          ),
        );
        if (result.matchedCount === 0) throw conflict(expected);
      },
      () => conflict(expected),
    );
  }
}
