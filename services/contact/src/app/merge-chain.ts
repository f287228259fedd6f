// Following merges to their end: after A into B and B into C, whatever answers for A names C,
// the record that holds A's data now. Each hop is one `_id` read; a revisited id (a cycle no
// merge should ever make) or MAX_MERGE_HOPS stops the walk at the last record reached.
import { ContactError } from '../domain/contact-error';
import type { Contact } from '../domain/contact';
import { mergedContactNotFound } from '../domain/contact-merge';
import type { ContactRepository } from '../store/contact.repository';

export const MAX_MERGE_HOPS = 16;

type ContactReader = Pick<ContactRepository, 'findById'>;

/** The end of the chain starting at `survivorId`: a record not merged into another. */
export async function finalSurvivorId(
  contacts: ContactReader,
  tenantId: string,
  survivorId: string,
): Promise<string> {
  const seen = new Set<string>();
  let current = survivorId;
  while (seen.size < MAX_MERGE_HOPS && !seen.has(current)) {
    seen.add(current);
    const next = (await contacts.findById(tenantId, current))?.contact.mergedInto;
    if (!next) return current;
    current = next;
  }
  return current;
}

/** What reading a missing or deleted contact answers; a merged one names the chain's end. */
export async function contactNotFound(
  contacts: ContactReader,
  tenantId: string,
  id: string,
  contact: Contact | undefined,
): Promise<ContactError> {
  if (!contact?.mergedInto) return ContactError.notFound(id);
  return mergedContactNotFound(id, await finalSurvivorId(contacts, tenantId, contact.mergedInto));
}

/** A merge refused because a side was merged: FAILED_PRECONDITION naming the chain's end. */
export async function mergedAway(
  contacts: ContactReader,
  tenantId: string,
  id: string,
  mergedInto: string,
): Promise<ContactError> {
  const end = await finalSurvivorId(contacts, tenantId, mergedInto);
  return ContactError.failedPrecondition(`contact ${id} was merged into ${end}`, [], {
    mergedInto: end,
  });
}
