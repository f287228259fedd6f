// Schemas of the kith.interaction.*.v1 events (topic kith.interaction.v1, keyed by interaction
// id). They carry what consumers act on (who, when, what kind, which campaign) and none of the
// free text: no subject, no body, no email addresses or display names. Kafka keeps events for
// the topic's retention and cannot forget one person's part of them, so personal text stays in
// the interaction service's own database, where an erasure reaches it (docs/events.md).
// Evolution rule: add optional fields only; anything breaking becomes a new `.v2` type.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('UTC ISO-8601 time');

export const INTERACTION_TYPE_VALUES = [
  'email',
  'call',
  'meeting',
  'letter',
  'sms',
  'note',
  'social',
  'in_person',
] as const;
export const INTERACTION_DIRECTION_VALUES = ['inbound', 'outbound', 'internal'] as const;

export const InteractionSnapshotSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int().nonnegative().describe('version after the change'),
    type: z.enum(INTERACTION_TYPE_VALUES),
    direction: z.enum(INTERACTION_DIRECTION_VALUES),
    occurredAt: isoTime,
    durationMinutes: z.number().int().nonnegative().optional(),
    participantContactIds: z
      .array(z.string().min(1))
      .describe('contacts who took part; empty only once every participant was erased'),
    loggedBy: z.string().describe('user id of whoever logged it'),
    organizationId: z.string().optional().describe('organization contact it was on behalf of'),
    campaignId: z.string().optional().describe('opaque id of a marketing campaign'),
    opportunityId: z.string().optional().describe('opaque id of a pipeline opportunity'),
    source: z.enum(['manual', 'mail']).describe('logged by hand, or an ingested email'),
    hasSubject: z.boolean().describe('a subject is stored (read it from the service)'),
    hasBody: z.boolean().describe('a body is stored (read it from the service)'),
    createdAt: isoTime,
    updatedAt: isoTime,
    deletedAt: isoTime.optional(),
  })
  .describe(
    'State of an interaction after the change, without its free text (subject, body, mail ' +
      'addresses): those stay in the interaction service, where an erasure can remove them',
  );

export const InteractionCreatedDataSchema = z.object({ interaction: InteractionSnapshotSchema });

export const InteractionUpdatedDataSchema = z.object({
  interaction: InteractionSnapshotSchema,
  changedFields: z
    .array(z.string())
    .describe(
      'fields that changed, e.g. participantContactIds after a merge re-pointed them or an ' +
        'erasure removed a person; subject and body are named without their values',
    ),
});

export const InteractionDeletedDataSchema = z.object({
  interaction: InteractionSnapshotSchema.describe('last state; deletedAt is set'),
});

export type InteractionSnapshot = z.infer<typeof InteractionSnapshotSchema>;
