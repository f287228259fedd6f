// The erasure event: kith.contact.erased.v1 on kith.contact.v1, keyed by the contact id so it
// follows the contact's earlier events on their partition. Its data is built from ids and
// times only, never from the contact: it must carry none of the values it announces erased
// (and, unlike kith.contact.updated.v1, no `previous`).
import { outboxItems, type OutboxItem } from '@kith/bus';
import { CONTACT_SOURCE, EVENT_TYPES, TOPICS, type ContactErasedData } from '@kith/events';
import type { Contact } from '../domain/contact';

export function erasedOutboxItem(erased: Contact, actorId: string | undefined): OutboxItem {
  const data: ContactErasedData = {
    contactId: erased.id,
    tenantId: erased.tenantId,
    version: erased.version,
    erasedAt: erased.erasedAt ?? erased.updatedAt,
    ...(actorId ? { actorId } : {}),
  };
  const [item] = outboxItems(TOPICS.contact, CONTACT_SOURCE, [
    {
      type: EVENT_TYPES.contactErased,
      key: erased.id,
      tenantId: erased.tenantId,
      time: data.erasedAt,
      data,
    },
  ]);
  return item as OutboxItem;
}
