// What the interaction service publishes: CloudEvents envelopes of kith.interaction.*.v1 on
// kith.interaction.v1, keyed by interaction id so each interaction's events stay in order.
// The snapshot leaves out the free text (subject, body, mail addresses and names): events stay
// in Kafka for the topic's retention and cannot be erased one person at a time, so consumers
// learn who, when and what kind here and read the text from InteractionService, where an
// erasure reaches it (docs/events.md).
import { outboxItems, type OutboxItem } from '@kith/bus';
import { INTERACTION_SOURCE, TOPICS, type InteractionSnapshot } from '@kith/events';
import type { Context } from '@opentelemetry/api';
import {
  INTERACTION_EVENT_TYPES,
  type Interaction,
  type InteractionEvent,
} from '../domain/interaction';

export function toInteractionSnapshot(interaction: Interaction): InteractionSnapshot {
  const snapshot: InteractionSnapshot = {
    id: interaction.id,
    tenantId: interaction.tenantId,
    version: interaction.version,
    type: interaction.type,
    direction: interaction.direction,
    occurredAt: interaction.occurredAt,
    participantContactIds: [...interaction.participantContactIds],
    loggedBy: interaction.loggedBy,
    source: interaction.source,
    hasSubject: interaction.subject !== undefined,
    hasBody: interaction.body !== undefined,
    createdAt: interaction.createdAt,
    updatedAt: interaction.updatedAt,
  };
  if (interaction.durationMinutes !== undefined) {
    snapshot.durationMinutes = interaction.durationMinutes;
  }
  if (interaction.organizationId) snapshot.organizationId = interaction.organizationId;
  if (interaction.campaignId) snapshot.campaignId = interaction.campaignId;
  if (interaction.opportunityId) snapshot.opportunityId = interaction.opportunityId;
  if (interaction.deletedAt) snapshot.deletedAt = interaction.deletedAt;
  return snapshot;
}

function eventData(event: InteractionEvent): unknown {
  const interaction = toInteractionSnapshot(event.interaction);
  return event.type === INTERACTION_EVENT_TYPES.updated
    ? { interaction, changedFields: [...event.changedFields] }
    : { interaction };
}

/** Envelopes for the outbox, in the trace active now (the gRPC call's or the consumer's). */
export function toInteractionOutboxItems(
  events: readonly InteractionEvent[],
  traceContext?: Context,
): OutboxItem[] {
  const described = events.map((event) => ({
    type: event.type,
    key: event.interaction.id,
    tenantId: event.interaction.tenantId,
    time: event.interaction.updatedAt,
    data: eventData(event),
  }));
  return outboxItems(TOPICS.interaction, INTERACTION_SOURCE, described, traceContext);
}
