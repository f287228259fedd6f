// The erasure event: kith.contact.erased.v1 on kith.contact.v1, keyed by the contact id so it
// follows the contact's earlier events on their partition. Its data is built from ids and
// times only, never from the contact: it must carry none of the values it announces erased
// (and, unlike kith.contact.updated.v1, no `previous`).
import type { OutboxItem } from '@kith/bus';
import {
  CONTACT_SOURCE,
  EVENT_TYPES,
  TOPICS,
  newEvent,
  type ContactErasedData,
  type EventEnvelope,
} from '@kith/events';
import { injectTraceContext } from '@kith/telemetry';
import { context } from '@opentelemetry/api';
import type { Contact } from '../domain/contact';

export function erasedOutboxItem(erased: Contact, actorId: string | undefined): OutboxItem {
  const carrier: Record<string, string> = {};
  injectTraceContext(carrier, context.active());
  const data: ContactErasedData = {
    contactId: erased.id,
    tenantId: erased.tenantId,
    version: erased.version,
    erasedAt: erased.erasedAt ?? erased.updatedAt,
    ...(actorId ? { actorId } : {}),
  };
  return {
    topic: TOPICS.contact,
    key: erased.id,
    event: newEvent({
      type: EVENT_TYPES.contactErased,
      source: CONTACT_SOURCE,
      subject: erased.id,
      tenantId: erased.tenantId,
      time: data.erasedAt,
      data,
      traceparent: carrier.traceparent,
      tracestate: carrier.tracestate,
    }) as EventEnvelope,
  };
}
