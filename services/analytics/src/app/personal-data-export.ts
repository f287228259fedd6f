// The analytics part of a person's GDPR export: the gift facts counted for them (ids, amounts,
// months, in the serving read model version) and the merges that lead to them. Nothing once
// erased: their facts are under the anonymous key then, and no stored fact names them.
import type { PersonalDataExporter } from '@kith/contact-lifecycle';
import type { GiftFacts } from '../store/gift-facts.repository';
import type { ReadModelStates } from '../store/read-model-state.repository';

export function analyticsExporter(deps: {
  facts: Pick<GiftFacts, 'ofDonor'>;
  states: Pick<ReadModelStates, 'current'>;
}): PersonalDataExporter {
  return async (tenantId, contactId) => {
    const [state, docs] = await Promise.all([
      deps.states.current(tenantId),
      deps.facts.ofDonor(tenantId, contactId),
    ]);
    const facts = docs
      .filter((doc) => doc.readModel === state.active)
      .map(({ donationId, version, currency, amountMinor, refundedMinor, month, status }) => ({
        donationId,
        version,
        currency,
        amountMinor,
        refundedMinor,
        month,
        status,
      }))
      .sort((a, b) => a.month.localeCompare(b.month) || a.donationId.localeCompare(b.donationId));
    if (facts.length === 0) return [];
    return [{ name: 'giftFacts', json: JSON.stringify({ contactId, facts }) }];
  };
}
