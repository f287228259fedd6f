// kith.interaction.v1 messages <-> domain types. Proto3 sends '' and 0 for "not set"; the
// domain treats empty as absent. Enum values are the domain's words in upper case behind a
// prefix (INTERACTION_TYPE_IN_PERSON <-> in_person).
import type { interactionV1 } from '@kith/contracts';
import { maskedFields } from '@kith/grpc-kit';
import {
  INTERACTION_FIELDS,
  type Interaction,
  type InteractionDirection,
  type InteractionType,
  type MailAddress,
} from '../domain/interaction';
import type { InteractionInput } from '../domain/interaction-validation';

const TYPE_PREFIX = 'INTERACTION_TYPE_';
const DIRECTION_PREFIX = 'INTERACTION_DIRECTION_';

/** '' for UNSPECIFIED (and for anything else not prefixed): the domain refuses or ignores it. */
function fromEnum(value: string | number | undefined, prefix: string): string {
  if (typeof value !== 'string' || !value.startsWith(prefix)) return '';
  const word = value.slice(prefix.length).toLowerCase();
  return word === 'unspecified' ? '' : word;
}

export const typeFromProto = (t: interactionV1.InteractionType__Output | undefined) =>
  fromEnum(t, TYPE_PREFIX);

const typeToProto = (t: InteractionType) =>
  `${TYPE_PREFIX}${t.toUpperCase()}` as interactionV1.InteractionType__Output;
const directionToProto = (d: InteractionDirection) =>
  `${DIRECTION_PREFIX}${d.toUpperCase()}` as interactionV1.InteractionDirection__Output;

export function fieldsFromProto(
  fields: interactionV1.InteractionFields__Output | null,
): InteractionInput {
  if (!fields) return {};
  return {
    type: typeFromProto(fields.type),
    direction: fromEnum(fields.direction, DIRECTION_PREFIX),
    occurredAt: fields.occurredAt,
    durationMinutes: fields.durationMinutes,
    subject: fields.subject,
    body: fields.body,
    participantContactIds: [...fields.participantContactIds],
    organizationId: fields.organizationId,
    campaignId: fields.campaignId,
    opportunityId: fields.opportunityId,
  };
}

/** update_mask paths (either spelling) in the domain's names; unknown ones kept as sent. */
export function pathsFromProto(mask: { paths: string[] } | null | undefined): string[] {
  const { fields, unknown } = maskedFields(mask?.paths ?? [], INTERACTION_FIELDS);
  return [...fields, ...unknown];
}

const addressToProto = (a: MailAddress): interactionV1.MailAddress => ({
  address: a.address,
  name: a.name ?? '',
  contactId: a.contactId ?? '',
});

export function interactionToProto(i: Interaction): interactionV1.Interaction {
  return {
    id: i.id,
    tenantId: i.tenantId,
    version: String(i.version),
    type: typeToProto(i.type),
    direction: directionToProto(i.direction),
    occurredAt: i.occurredAt,
    durationMinutes: i.durationMinutes ?? 0,
    subject: i.subject ?? '',
    body: i.body ?? '',
    bodyTruncated: i.bodyTruncated === true,
    participantContactIds: [...i.participantContactIds],
    loggedBy: i.loggedBy,
    organizationId: i.organizationId ?? '',
    campaignId: i.campaignId ?? '',
    opportunityId: i.opportunityId ?? '',
    source: i.source,
    mail: i.mail
      ? {
          messageId: i.mail.messageId ?? '',
          from: i.mail.from.map(addressToProto),
          to: i.mail.to.map(addressToProto),
          cc: i.mail.cc.map(addressToProto),
        }
      : null,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    deletedAt: i.deletedAt ?? '',
  };
}
