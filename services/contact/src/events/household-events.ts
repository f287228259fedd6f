// What the household part of the contact service publishes: CloudEvents envelopes of
// kith.household.*.v1 on kith.contact.v1 (the contact service owns the topic), keyed by
// household id so each household's events stay in order.
import { outboxItems, type OutboxItem } from '@kith/bus';
import { CONTACT_SOURCE, TOPICS, type HouseholdSnapshot } from '@kith/events';
import type { Context } from '@opentelemetry/api';
import type { Household } from '../domain/household';
import { HOUSEHOLD_EVENT_TYPES, type HouseholdEvent } from '../domain/household-decisions';

/** The public state of a household in events (the snapshot's contact version stays internal). */
export function toHouseholdSnapshot(household: Household): HouseholdSnapshot {
  const snapshot: HouseholdSnapshot = {
    id: household.id,
    tenantId: household.tenantId,
    version: household.version,
    name: household.name,
    greeting: household.greeting,
    members: household.members.map((m) => {
      const member: HouseholdSnapshot['members'][number] = {
        contactId: m.contactId,
        role: m.role,
        inheritsAddress: m.inheritsAddress,
        joinedAt: m.joinedAt,
      };
      if (m.leftAt) member.leftAt = m.leftAt;
      if (m.firstName) member.firstName = m.firstName;
      if (m.lastName) member.lastName = m.lastName;
      if (m.deceased === true) member.deceased = true;
      return member;
    }),
    createdAt: household.createdAt,
    updatedAt: household.updatedAt,
  };
  if (household.nameOverride) snapshot.nameOverride = household.nameOverride;
  if (household.greetingOverride) snapshot.greetingOverride = household.greetingOverride;
  if (household.mailingAddress) snapshot.mailingAddress = { ...household.mailingAddress };
  if (household.deletedAt) snapshot.deletedAt = household.deletedAt;
  return snapshot;
}

function eventData(event: HouseholdEvent): unknown {
  const household = toHouseholdSnapshot(event.household);
  return event.type === HOUSEHOLD_EVENT_TYPES.updated
    ? {
        household,
        changedFields: [...event.changedFields],
        memberChanges: event.memberChanges.map((c) => ({ ...c })),
      }
    : { household };
}

/** Envelopes for the outbox, in the trace active now (the gRPC call's or the consumer's). */
export function toHouseholdOutboxItems(
  events: readonly HouseholdEvent[],
  traceContext?: Context,
): OutboxItem[] {
  const described = events.map((event) => ({
    type: event.type,
    key: event.household.id,
    tenantId: event.household.tenantId,
    time: event.household.updatedAt,
    data: eventData(event),
  }));
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, described, traceContext);
}
