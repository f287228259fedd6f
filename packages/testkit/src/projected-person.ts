// A person published on kith.contact.v1 and waited for until a consuming service's contact
// projection (@kith/contact-lifecycle's `contact_projection`) holds them: how a service's own
// test bed gets a contact it may name.
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { ContactEventFeed } from './contact-event-feed';
import type { PersonValues } from './lifecycle-conformance';
import { waitFor } from './test-env';

/** True once the projection in `db` holds the contact at `version` or later. */
export const contactProjectedIn =
  (db: Db) =>
  async (tenantId: string, id: string, version: number): Promise<boolean> =>
    (await db
      .collection('contact_projection')
      .findOne({ tenantId, contactId: id, version: { $gte: version } })) !== null;

/** Publishes a person with distinct values (overridable) and waits until `db` projects them. */
export async function createProjectedPerson(
  feed: ContactEventFeed,
  db: Db,
  tenantId: string,
  values: Partial<PersonValues> = {},
): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const id = await feed.createPerson(tenantId, {
    firstName: `Ada${tag}`,
    lastName: `Giver${tag}`,
    email: `ada.${tag}@example.org`,
    ...values,
  });
  await waitFor(() => contactProjectedIn(db)(tenantId, id, 1), { what: `contact ${id} projected` });
  return id;
}
