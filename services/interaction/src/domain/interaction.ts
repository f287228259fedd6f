// What an interaction is: something that happened between the organisation and one or more
// contacts (an email, a call, a meeting...), who logged it, and, for ingested mail, what the
// message said about its addresses. Plain data; the rules are in interaction-validation.ts and
// interaction-decisions.ts.
import { INTERACTION_DIRECTION_VALUES, INTERACTION_TYPE_VALUES } from '@kith/events';

export const INTERACTION_TYPES = INTERACTION_TYPE_VALUES;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const INTERACTION_DIRECTIONS = INTERACTION_DIRECTION_VALUES;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

export type InteractionSource = 'manual' | 'mail';

/** One address of an ingested message; `contactId` when it matched a known contact. */
export interface MailAddress {
  /** Lower case. */
  address: string;
  name?: string;
  contactId?: string;
}

export const MAIL_ROLES = ['from', 'to', 'cc'] as const;
export type MailRole = (typeof MAIL_ROLES)[number];

export interface MailDetails {
  messageId?: string;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
}

/** The fields a caller sets on create and may change on update. */
export interface InteractionFields {
  type: InteractionType;
  direction: InteractionDirection;
  /** UTC ISO-8601 (toISOString form, so strings sort as times). */
  occurredAt: string;
  durationMinutes?: number;
  subject?: string;
  body?: string;
  /** 1..N distinct contacts; empty only once every participant was erased. */
  participantContactIds: string[];
  organizationId?: string;
  campaignId?: string;
  opportunityId?: string;
}

export interface Interaction extends InteractionFields {
  id: string;
  tenantId: string;
  version: number;
  /** The body was cut to the size limit (a long ingested email). */
  bodyTruncated?: boolean;
  loggedBy: string;
  source: InteractionSource;
  mail?: MailDetails;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export type InteractionField = keyof InteractionFields;

/** Every field, in the order errors and changed fields are named. */
export const INTERACTION_FIELDS = [
  'type',
  'direction',
  'occurredAt',
  'durationMinutes',
  'subject',
  'body',
  'participantContactIds',
  'organizationId',
  'campaignId',
  'opportunityId',
] as const satisfies readonly InteractionField[];

/** Optional fields: an update that names one with an empty value clears it. */
export const OPTIONAL_FIELDS = [
  'durationMinutes',
  'subject',
  'body',
  'organizationId',
  'campaignId',
  'opportunityId',
] as const satisfies readonly InteractionField[];

export const INTERACTION_EVENT_TYPES = {
  created: 'kith.interaction.created.v1',
  updated: 'kith.interaction.updated.v1',
  deleted: 'kith.interaction.deleted.v1',
} as const;

export type InteractionEvent =
  | { type: typeof INTERACTION_EVENT_TYPES.created; interaction: Interaction }
  | {
      type: typeof INTERACTION_EVENT_TYPES.updated;
      interaction: Interaction;
      changedFields: string[];
    }
  | { type: typeof INTERACTION_EVENT_TYPES.deleted; interaction: Interaction };

export interface InteractionDecision {
  interaction: Interaction;
  events: InteractionEvent[];
}

/** The month an interaction is listed under (list pages walk months, newest first). */
export function occurredMonth(occurredAt: string): string {
  return occurredAt.slice(0, 7);
}
