// How an interaction is stored: one `interactions` document, its state at the top level (so
// every list filter is a top-level equality FerretDB pushes down: tenantId, occurredMonth,
// participantContactIds, type, deletedAt) with the outbox's commit record (`_outboxLog`).
// `mailAddresses` repeats every address of an ingested message, lower case, so an erasure
// finds messages that name a person's address even where it matched no contact.
import type { OutboxLogRecord } from '@kith/bus';
import {
  MAIL_ROLES,
  occurredMonth,
  type Interaction,
  type MailDetails,
} from '../domain/interaction';

export const INTERACTIONS_COLLECTION = 'interactions';

export interface InteractionDocument extends Omit<Interaction, 'id' | 'deletedAt'> {
  _id: string;
  occurredMonth: string;
  mailAddresses?: string[];
  /** null (not absent) while live, so `{deletedAt: null}` reads the same on every server. */
  deletedAt: string | null;
  _outboxLog?: OutboxLogRecord[];
}

export type InteractionState = Omit<InteractionDocument, '_outboxLog'>;

/** Optional top-level fields an update must $unset when the new state lacks them. */
export const OPTIONAL_DOCUMENT_FIELDS = [
  'durationMinutes',
  'subject',
  'body',
  'bodyTruncated',
  'organizationId',
  'campaignId',
  'opportunityId',
  'mail',
  'mailAddresses',
] as const;

function addressesOf(mail: MailDetails): string[] {
  return [...new Set(MAIL_ROLES.flatMap((role) => mail[role].map((a) => a.address)))];
}

export function toDocumentState(interaction: Interaction): InteractionState {
  const { id, deletedAt, ...rest } = interaction;
  const state: InteractionState = {
    ...rest,
    _id: id,
    occurredMonth: occurredMonth(interaction.occurredAt),
    deletedAt: deletedAt ?? null,
  };
  if (interaction.mail) state.mailAddresses = addressesOf(interaction.mail);
  return state;
}

export function toInteraction(doc: InteractionState | InteractionDocument): Interaction {
  const {
    _id,
    occurredMonth: _month,
    mailAddresses: _addresses,
    deletedAt,
    ...rest
  } = doc as InteractionDocument;
  const { _outboxLog: _log, ...state } = rest as typeof rest & { _outboxLog?: unknown };
  const interaction: Interaction = { ...(state as Omit<Interaction, 'id'>), id: _id };
  if (deletedAt) interaction.deletedAt = deletedAt;
  return interaction;
}
