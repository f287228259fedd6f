// A household for end-to-end tests of gifts: the contacts joined in order through the gateway,
// returned once the transaction service's projection knows every one of them as a live,
// current member (a gift's automatic household soft credits go to those only, and that
// projection learns contacts and households from kith.contact.v1 a moment after the calls
// answered, contacts and households on different partitions, so in either order).
import { waitFor } from '@kith/testkit';
import type { MongoClient } from 'mongodb';
import type { E2eApi } from './e2e-api';
import type { E2eStack } from './e2e-stack';

export async function householdKnownToGifts(
  api: E2eApi,
  stack: E2eStack,
  mongo: MongoClient,
  contactIds: readonly string[],
): Promise<string> {
  const household = (await api('POST', '/v1/households')).body.id as string;
  for (const [i, contactId] of contactIds.entries()) {
    const added = await api('POST', `/v1/households/${household}/members`, {
      headers: { 'if-match': `"${i + 1}"` },
      body: { contactId },
    });
    expect(added.status).toBe(200);
  }
  const db = mongo.db(stack.transactionDb.name);
  await waitFor(
    async () =>
      (await db
        .collection('contact_projection_households')
        .countDocuments({ householdId: household, current: true })) === contactIds.length &&
      (await db
        .collection('contact_projection')
        .countDocuments({ contactId: { $in: [...contactIds] }, status: 'active' })) >=
        contactIds.length,
    { what: 'the household and its members in the transaction service projection' },
  );
  return household;
}
