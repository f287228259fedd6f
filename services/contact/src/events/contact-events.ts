// What the contact service publishes: CloudEvents envelopes of kith.contact.*.v1 on
// kith.contact.v1, keyed by contact id so each contact's events stay in order.
import { outboxItems, type OutboxItem } from '@kith/bus';
import { CONTACT_SOURCE, TOPICS, type ContactSnapshot } from '@kith/events';
import { extractTraceContext, injectTraceContext } from '@kith/telemetry';
import { context, type Context } from '@opentelemetry/api';
import type { Contact } from '../domain/contact';
import { reachability } from '../domain/consent';
import { CONTACT_EVENT_TYPES, type ContactEvent } from '../domain/contact-decisions';
import { toContact } from '../store/contact-document.mapper';
import type { ContactDocument } from '../store/contact.model';

/** The public state of a contact in events: no search keys, no normalized phone digits. */
export function toContactSnapshot(contact: Contact): ContactSnapshot {
  const snapshot: ContactSnapshot = {
    id: contact.id,
    tenantId: contact.tenantId,
    kind: contact.kind,
    version: contact.version,
    displayName: contact.displayName,
    emails: contact.emails.map(({ address, type, primary, valid }) => ({
      address,
      type,
      primary,
      valid,
    })),
    phones: contact.phones.map(({ number, type, primary, valid }) => ({
      number,
      type,
      primary,
      valid,
    })),
    addresses: contact.addresses.map((address) => ({ ...address })),
    tags: [...contact.tags],
    deceased: contact.deceased,
    doNotContact: contact.doNotContact,
    customFields: { ...contact.customFields },
    communication: { ...contact.communication },
    // As of the change, so replaying the event gives the same answer.
    reachability: reachability(contact, contact.updatedAt.slice(0, 10)),
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
  if (contact.person) snapshot.person = { ...contact.person };
  if (contact.organization) snapshot.organization = { ...contact.organization };
  if (contact.source) snapshot.source = contact.source;
  if (contact.ownerId) snapshot.ownerId = contact.ownerId;
  if (contact.birthDate) snapshot.birthDate = contact.birthDate;
  if (contact.gender) snapshot.gender = contact.gender;
  if (contact.pronouns) snapshot.pronouns = contact.pronouns;
  if (contact.deceasedDate) snapshot.deceasedDate = contact.deceasedDate;
  if (contact.deletedAt) snapshot.deletedAt = contact.deletedAt;
  if (contact.mergedInto) snapshot.mergedInto = contact.mergedInto;
  if (contact.householdAddress) {
    snapshot.householdAddress = {
      householdId: contact.householdAddress.householdId,
      address: { ...contact.householdAddress.address },
    };
  }
  return snapshot;
}

function eventData(event: ContactEvent, actorId: string | undefined): unknown {
  const contact = toContactSnapshot(event.contact);
  const actor = actorId ? { actorId } : {};
  switch (event.type) {
    case 'kith.contact.updated.v1': {
      const before = toContactSnapshot(event.before) as Record<string, unknown>;
      const previous = Object.fromEntries(
        event.changedFields.map((field) => [field, before[field] ?? null]),
      );
      return { contact, changedFields: [...event.changedFields], previous, ...actor };
    }
    case 'kith.contact.consent-changed.v1':
      return { contact, consent: { ...event.record }, ...actor };
    default:
      return { contact, ...actor };
  }
}

/**
 * Envelopes for the outbox. The traceparent is taken from the trace active now (the gRPC
 * request's), so the relay's publish and every consumer's span join the request's trace even
 * though the relay sends them later and outside it.
 */
export function toOutboxItems(
  events: readonly ContactEvent[],
  opts: {
    actorId?: string | undefined;
    traceContext?: Context;
    /** Given ids instead of new ones: a creation said again after a crash keeps its ids. */
    eventIds?: readonly string[];
  } = {},
): OutboxItem[] {
  const described = events.map((event, i) => ({
    ...(opts.eventIds?.[i] ? { id: opts.eventIds[i] } : {}),
    type: event.type,
    key: event.contact.id,
    tenantId: event.contact.tenantId,
    time: event.contact.updatedAt,
    data: eventData(event, opts.actorId),
  }));
  return outboxItems(TOPICS.contact, CONTACT_SOURCE, described, opts.traceContext);
}

/** What a bulk creation records beside its documents, for `rebuildContactCreated`. */
export function createdBatchMeta(opts: { actorId?: string | undefined }): Record<string, string> {
  const meta: Record<string, string> = {};
  injectTraceContext(meta, context.active());
  if (opts.actorId) meta.actorId = opts.actorId;
  return meta;
}

/**
 * The relay's rebuilder for contacts created in bulk whose writer died before publishing
 * (@kith/bus, Outbox.stageCreates): the created event from the stored document. A contact
 * changed since then is said as it is now, at its current version; its own update event,
 * held back until this one is out, follows (docs/architecture.md, "Bulk import").
 */
export function rebuildContactCreated(
  doc: Record<string, unknown>,
  eventIds: readonly string[],
  meta: Readonly<Record<string, string>>,
): OutboxItem[] {
  const contact = toContact(doc as unknown as ContactDocument);
  return toOutboxItems([{ type: CONTACT_EVENT_TYPES.created, contact }], {
    actorId: meta.actorId,
    traceContext: extractTraceContext(meta),
    eventIds,
  });
}
