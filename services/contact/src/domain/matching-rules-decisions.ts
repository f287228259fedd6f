// A tenant's matching rules as an aggregate: one per tenant, version 0 while the tenant uses
// the defaults (nothing stored), replaced whole by a PUT that names the version it read.
import {
  DEFAULT_MATCHING_RULES,
  validateMatchingRuleSet,
  type MatchingRuleSetInput,
  type TenantMatchingRules,
} from './contact-matching';
import { MatchingRulesError } from './matching-rules-error';

export interface EffectiveMatchingRules extends TenantMatchingRules {
  /** True while the tenant has stored no rules of its own (version 0). */
  isDefault: boolean;
}

/** The rules that apply to the tenant: its stored set, else the defaults at version 0. */
export function effectiveMatchingRules(
  tenantId: string,
  stored: TenantMatchingRules | undefined,
): EffectiveMatchingRules {
  if (stored) return { ...stored, isDefault: false };
  return {
    tenantId,
    version: 0,
    threshold: DEFAULT_MATCHING_RULES.threshold,
    rules: DEFAULT_MATCHING_RULES.rules.map((rule) => ({ ...rule, fields: [...rule.fields] })),
    updatedAt: '1970-01-01T00:00:00.000Z',
    isDefault: true,
  };
}

export interface PutMatchingRulesCommand {
  tenantId: string;
  /** The version read (0 for the defaults): If-Match. */
  expectedVersion: number;
  rules: MatchingRuleSetInput;
  actorId?: string;
}

export function decidePutMatchingRules(
  stored: TenantMatchingRules | undefined,
  command: PutMatchingRulesCommand,
  now: string,
): TenantMatchingRules {
  const current = effectiveMatchingRules(command.tenantId, stored);
  if (!Number.isSafeInteger(command.expectedVersion) || command.expectedVersion < 0) {
    throw MatchingRulesError.validation([
      { field: 'expectedVersion', message: 'must be the version you read (0 for the defaults)' },
    ]);
  }
  if (command.expectedVersion !== current.version) {
    throw MatchingRulesError.conflict(command.expectedVersion, current.version);
  }
  const { ruleSet, errors } = validateMatchingRuleSet(command.rules);
  if (!ruleSet) throw MatchingRulesError.validation(errors);
  return {
    tenantId: command.tenantId,
    version: current.version + 1,
    threshold: ruleSet.threshold,
    rules: ruleSet.rules,
    updatedAt: now,
  };
}
