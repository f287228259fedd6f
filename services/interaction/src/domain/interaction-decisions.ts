// The decisions of interactions as pure functions: each takes the current state (if any), the
// validated request and the clock, and answers the new state with the events it causes, or
// throws an InteractionError. The use cases (app/) read, call these, and store the result
// through the outbox.
import {
  INTERACTION_EVENT_TYPES,
  INTERACTION_FIELDS,
  OPTIONAL_FIELDS,
  type Interaction,
  type InteractionDecision,
  type InteractionFields,
  type InteractionSource,
  type MailDetails,
} from './interaction';
import { InteractionError } from './interaction-error';

export interface CreateContext {
  id: string;
  tenantId: string;
  /** The logging user (x-user-id). */
  loggedBy: string;
  now: string;
  source?: InteractionSource;
  mail?: MailDetails;
  bodyTruncated?: boolean;
}

export function fieldsOf(interaction: Interaction): InteractionFields {
  const fields: Record<string, unknown> = {};
  for (const name of INTERACTION_FIELDS) {
    if (interaction[name] !== undefined) fields[name] = interaction[name];
  }
  return fields as unknown as InteractionFields;
}

export function decideCreate(fields: InteractionFields, ctx: CreateContext): InteractionDecision {
  const interaction: Interaction = {
    ...fields,
    id: ctx.id,
    tenantId: ctx.tenantId,
    version: 1,
    loggedBy: ctx.loggedBy,
    source: ctx.source ?? 'manual',
    ...(ctx.mail ? { mail: ctx.mail } : {}),
    ...(ctx.bodyTruncated ? { bodyTruncated: true } : {}),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { interaction, events: [{ type: INTERACTION_EVENT_TYPES.created, interaction }] };
}

function assertWritable(current: Interaction, expectedVersion: number): void {
  if (current.deletedAt) throw InteractionError.alreadyDeleted(current.id);
  if (current.version !== expectedVersion) {
    throw InteractionError.versionConflict(current.id, expectedVersion, current.version);
  }
}

/** The fields whose values differ (arrays by their items, in order). */
export function changedFields(before: Interaction, after: Interaction): string[] {
  const keys: ReadonlyArray<keyof Interaction> = [...INTERACTION_FIELDS, 'bodyTruncated', 'mail'];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** A new version of `current` with `next`'s state, or no events when nothing changed. */
function changedTo(current: Interaction, next: Interaction, now: string): InteractionDecision {
  const changed = changedFields(current, next);
  if (changed.length === 0) return { interaction: current, events: [] };
  const interaction = { ...next, version: current.version + 1, updatedAt: now };
  return {
    interaction,
    events: [{ type: INTERACTION_EVENT_TYPES.updated, interaction, changedFields: changed }],
  };
}

/** A user's change: `fields` is the full new set (validated, standings applied). */
export function decideUpdate(
  current: Interaction,
  fields: InteractionFields,
  expectedVersion: number,
  now: string,
): InteractionDecision {
  assertWritable(current, expectedVersion);
  const next: Interaction = { ...current };
  for (const name of OPTIONAL_FIELDS) delete next[name];
  Object.assign(next, fields);
  // A body written by a user is whole again.
  if (fields.body !== current.body) delete next.bodyTruncated;
  return changedTo(current, next, now);
}

export function decideDelete(
  current: Interaction,
  expectedVersion: number,
  now: string,
): InteractionDecision {
  assertWritable(current, expectedVersion);
  const interaction = { ...current, version: current.version + 1, updatedAt: now, deletedAt: now };
  return { interaction, events: [{ type: INTERACTION_EVENT_TYPES.deleted, interaction }] };
}

/**
 * A merge: the victim's place goes to the survivor (participants deduped, the organization and
 * mail addresses re-pointed). Deleted interactions too: their history must follow the person.
 * No events when the victim is not named (a redelivered merge).
 */
export function decideRepoint(
  current: Interaction,
  victimId: string,
  survivorId: string,
  now: string,
): InteractionDecision {
  const swap = (id: string) => (id === victimId ? survivorId : id);
  const next: Interaction = {
    ...current,
    participantContactIds: [...new Set(current.participantContactIds.map(swap))],
  };
  if (current.organizationId) next.organizationId = swap(current.organizationId);
  if (current.mail)
    next.mail = mapAddresses(current.mail, (a) => [
      a.contactId === victimId ? { ...a, contactId: survivorId } : a,
    ]);
  return changedTo(current, next, now);
}

/** Who is erased: the contact id and every address known to be theirs (lower case). */
export interface ErasedPerson {
  contactId: string;
  emails: readonly string[];
}

export const ERASED_TEXT = '[erased]';

/**
 * An erasure. Where the person was the only participant, the interaction keeps only what is
 * not about anyone (type, direction, when, how long, who logged it, campaign and opportunity
 * ids): subject, body and the message's addresses go, so counts of calls made or mails sent
 * stay right while nothing links the record to the person. Where others took part, the
 * person's id and addresses go, in the address lists and in the subject and body text; what
 * the text says of them by name cannot be recognised here (the service knows no names).
 */
export function decideErase(
  current: Interaction,
  person: ErasedPerson,
  now: string,
): InteractionDecision {
  const addresses = new Set(person.emails);
  for (const a of allAddresses(current.mail))
    if (a.contactId === person.contactId) addresses.add(a.address);
  const remaining = current.participantContactIds.filter((id) => id !== person.contactId);
  const named = remaining.length < current.participantContactIds.length;
  const mentioned = allAddresses(current.mail).some((a) => addresses.has(a.address));
  if (!named && !mentioned) return { interaction: current, events: [] };
  if (remaining.length === 0) {
    const next: Interaction = { ...current, participantContactIds: [] };
    delete next.subject;
    delete next.body;
    delete next.bodyTruncated;
    delete next.mail;
    return changedTo(current, next, now);
  }
  const next: Interaction = { ...current, participantContactIds: remaining };
  const scrub = (text: string | undefined) =>
    text === undefined ? undefined : scrubbed(text, addresses);
  const subject = scrub(current.subject);
  const body = scrub(current.body);
  if (subject !== undefined) next.subject = subject;
  if (body !== undefined) next.body = body;
  if (current.mail)
    next.mail = mapAddresses(current.mail, (a) => (addresses.has(a.address) ? [] : [a]));
  return changedTo(current, next, now);
}

function allAddresses(mail: MailDetails | undefined) {
  return mail ? [...mail.from, ...mail.to, ...mail.cc] : [];
}

function mapAddresses(
  mail: MailDetails,
  fn: (a: MailDetails['from'][number]) => MailDetails['from'],
): MailDetails {
  return { ...mail, from: mail.from.flatMap(fn), to: mail.to.flatMap(fn), cc: mail.cc.flatMap(fn) };
}

function scrubbed(text: string, addresses: ReadonlySet<string>): string {
  let out = text;
  for (const address of addresses) {
    const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(escaped, 'gi'), ERASED_TEXT);
  }
  return out;
}
