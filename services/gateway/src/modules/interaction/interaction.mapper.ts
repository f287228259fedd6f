// The REST shape of an interaction and the pure mappings between it and InteractionService
// messages. Proto3 has no "unset" for strings, so an empty string becomes null in JSON: every
// key is always present. Enum values are the REST words in upper case behind a prefix.
import type { interactionV1 } from '@kith/contracts';
import type { z } from 'zod';
import type {
  CreateInteractionBodySchema,
  InteractionDirectionSchema,
  InteractionSchema,
  InteractionTypeSchema,
  PatchInteractionBodySchema,
} from './interaction.schema';

export type InteractionResource = z.output<typeof InteractionSchema>;
type InteractionType = z.output<typeof InteractionTypeSchema>;
type InteractionDirection = z.output<typeof InteractionDirectionSchema>;
type CreateBody = z.output<typeof CreateInteractionBodySchema>;
type Patch = z.output<typeof PatchInteractionBodySchema>;

const TYPE = 'INTERACTION_TYPE_';
const DIRECTION = 'INTERACTION_DIRECTION_';

const orNull = (value: string | undefined | null) => (value ? value : null);

export const typeToProto = (type: InteractionType) =>
  `${TYPE}${type.toUpperCase()}` as interactionV1.InteractionType;
const directionToProto = (d: InteractionDirection | undefined) =>
  (d
    ? `${DIRECTION}${d.toUpperCase()}`
    : `${DIRECTION}UNSPECIFIED`) as interactionV1.InteractionDirection;
const fromProto = <T>(value: string, prefix: string) =>
  value.slice(prefix.length).toLowerCase() as T;

export function createInteractionRequest(body: CreateBody): interactionV1.CreateInteractionRequest {
  return {
    fields: {
      type: typeToProto(body.type),
      direction: directionToProto(body.direction),
      occurredAt: body.occurredAt,
      durationMinutes: body.durationMinutes ?? 0,
      subject: body.subject ?? '',
      body: body.body ?? '',
      participantContactIds: body.participantContactIds,
      organizationId: body.organizationId ?? '',
      campaignId: body.campaignId ?? '',
      opportunityId: body.opportunityId ?? '',
    },
  };
}

const PATCH_PATHS = {
  type: 'type',
  direction: 'direction',
  occurredAt: 'occurred_at',
  durationMinutes: 'duration_minutes',
  subject: 'subject',
  body: 'body',
  participantContactIds: 'participant_contact_ids',
  organizationId: 'organization_id',
  campaignId: 'campaign_id',
  opportunityId: 'opportunity_id',
} as const satisfies Record<keyof Patch, string>;

/** Merge patch -> update mask: present keys change, null clears. */
export function updateInteractionRequest(
  id: string,
  version: number,
  patch: Patch,
): interactionV1.UpdateInteractionRequest {
  const paths = (Object.keys(PATCH_PATHS) as Array<keyof Patch>)
    .filter((key) => patch[key] !== undefined)
    .map((key) => PATCH_PATHS[key]);
  return {
    id,
    expectedVersion: String(version),
    fields: {
      type: patch.type ? typeToProto(patch.type) : `${TYPE}UNSPECIFIED`,
      direction: directionToProto(patch.direction),
      occurredAt: patch.occurredAt ?? '',
      durationMinutes: patch.durationMinutes ?? 0,
      subject: patch.subject ?? '',
      body: patch.body ?? '',
      participantContactIds: patch.participantContactIds ?? [],
      organizationId: patch.organizationId ?? '',
      campaignId: patch.campaignId ?? '',
      opportunityId: patch.opportunityId ?? '',
    },
    updateMask: { paths },
  };
}

const addressOf = (a: interactionV1.MailAddress__Output) => ({
  address: a.address,
  name: orNull(a.name),
  contactId: orNull(a.contactId),
});

export function toInteractionResource(i: interactionV1.Interaction__Output): InteractionResource {
  return {
    id: i.id,
    // int64 arrives as a decimal string (longs: String); versions stay far below 2^53.
    version: Number(i.version),
    type: fromProto<InteractionType>(String(i.type), TYPE),
    direction: fromProto<InteractionDirection>(String(i.direction), DIRECTION),
    occurredAt: i.occurredAt,
    durationMinutes: i.durationMinutes > 0 ? i.durationMinutes : null,
    subject: orNull(i.subject),
    body: orNull(i.body),
    bodyTruncated: i.bodyTruncated,
    participantContactIds: [...i.participantContactIds],
    loggedBy: i.loggedBy,
    organizationId: orNull(i.organizationId),
    campaignId: orNull(i.campaignId),
    opportunityId: orNull(i.opportunityId),
    source: i.source === 'mail' ? 'mail' : 'manual',
    mail: i.mail
      ? {
          messageId: orNull(i.mail.messageId),
          from: i.mail.from.map(addressOf),
          to: i.mail.to.map(addressOf),
          cc: i.mail.cc.map(addressOf),
        }
      : null,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    deletedAt: orNull(i.deletedAt),
  };
}
