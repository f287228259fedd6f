import { DEFAULT_MATCHING_RULES } from '../src/domain/contact-matching';
import { MatchingRulesError, MatchingRulesErrorCode } from '../src/domain/matching-rules-error';
import {
  decidePutMatchingRules,
  effectiveMatchingRules,
} from '../src/domain/matching-rules-decisions';

const TENANT = 'tenant-a';
const NOW = '2026-03-01T12:00:00.000Z';
const phoneOnly = { threshold: 6, rules: [{ name: 'same-phone', fields: ['phone'], weight: 6 }] };

describe('matching rules of a tenant', () => {
  it('are the defaults at version 0 while the tenant stored none', () => {
    const rules = effectiveMatchingRules(TENANT, undefined);

    expect(rules).toMatchObject({
      version: 0,
      isDefault: true,
      threshold: DEFAULT_MATCHING_RULES.threshold,
    });
  });

  it('are replaced by a put naming the version read, one version up', () => {
    const stored = decidePutMatchingRules(
      undefined,
      { tenantId: TENANT, expectedVersion: 0, rules: phoneOnly },
      NOW,
    );

    expect(stored).toEqual({ tenantId: TENANT, version: 1, updatedAt: NOW, ...phoneOnly });
  });

  it('refuse a put with a stale version', () => {
    const stored = decidePutMatchingRules(
      undefined,
      { tenantId: TENANT, expectedVersion: 0, rules: phoneOnly },
      NOW,
    );

    expect(() =>
      decidePutMatchingRules(
        stored,
        { tenantId: TENANT, expectedVersion: 0, rules: phoneOnly },
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: MatchingRulesErrorCode.VERSION_CONFLICT }));
  });

  it('refuse an invalid rule set with the field that is wrong', () => {
    const act = () =>
      decidePutMatchingRules(
        undefined,
        { tenantId: TENANT, expectedVersion: 0, rules: { threshold: 0, rules: phoneOnly.rules } },
        NOW,
      );

    expect(act).toThrow(
      expect.objectContaining({
        code: MatchingRulesErrorCode.VALIDATION_FAILED,
        fieldErrors: [expect.objectContaining({ field: 'threshold' })],
      }),
    );
  });

  it('raise their own error, naming the matching rules and the versions', () => {
    const act = () =>
      decidePutMatchingRules(
        undefined,
        { tenantId: TENANT, expectedVersion: 3, rules: phoneOnly },
        NOW,
      );

    expect(act).toThrow(MatchingRulesError);
    expect(act).toThrow('matching rules are at version 0, not the expected version 3');
  });

  it('say the matching rules are invalid, not a contact', () => {
    const act = () =>
      decidePutMatchingRules(
        undefined,
        { tenantId: TENANT, expectedVersion: -1, rules: phoneOnly },
        NOW,
      );

    expect(act).toThrow(MatchingRulesError);
    expect(act).toThrow(/^invalid matching rules: expectedVersion: /);
  });
});
