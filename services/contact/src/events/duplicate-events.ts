// What the contact service publishes about duplicates: kith.contact.merged.v1 keyed by the
// SURVIVOR's id, and kith.matching-rules.changed.v1 keyed by the tenant id.
//
// Why the survivor's key: the merge changes the survivor (it is the state the event carries)
// and consumers re-point records TO it, so the merge must come after the survivor's earlier
// events and before its later ones on the same partition. The victim has no events after its
// merge (it is a tombstone and refuses every write), so nothing of the victim's can overtake it.
import { outboxItems, type OutboxItem } from '@kith/bus';
import { CONTACT_SOURCE, EVENT_TYPES, TOPICS } from '@kith/events';
import type { TenantMatchingRules } from '../domain/contact-matching';
import type { MergeDecision } from '../domain/contact-merge';
import { toContactSnapshot } from './contact-events';

export function mergedOutboxItems(decision: MergeDecision, actorId?: string): OutboxItem[] {
  const { survivor, victim } = decision;
  const data = {
    contact: toContactSnapshot(survivor),
    survivorId: survivor.id,
    victimId: victim.id,
    victim: toContactSnapshot(victim),
    fieldChoices: { ...decision.fieldChoices },
    ...(actorId ? { actorId } : {}),
  };
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, [
    {
      type: EVENT_TYPES.contactMerged,
      key: survivor.id,
      tenantId: survivor.tenantId,
      time: survivor.updatedAt,
      data,
    },
  ]);
}

export function matchingRulesOutboxItems(
  rules: TenantMatchingRules,
  actorId?: string,
): OutboxItem[] {
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, [
    {
      type: EVENT_TYPES.matchingRulesChanged,
      key: rules.tenantId,
      tenantId: rules.tenantId,
      time: rules.updatedAt,
      data: {
        matchingRules: {
          tenantId: rules.tenantId,
          version: rules.version,
          threshold: rules.threshold,
          rules: rules.rules.map((rule) => ({ ...rule, fields: [...rule.fields] })),
          updatedAt: rules.updatedAt,
        },
        ...(actorId ? { actorId } : {}),
      },
    },
  ]);
}
