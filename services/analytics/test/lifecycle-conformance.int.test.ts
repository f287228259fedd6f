// The analytics service against the lifecycle every service follows (@kith/testkit
// describeLifecycleConformance), as a consumer: contacts, merges and erasures reach it as
// kith.contact.v1 events a ContactEventFeed publishes to real Kafka. The records it keeps about
// a person are gift facts (ids and amounts, never a name): a DonationEventFeed plays the
// transaction service, which answers a merge by re-pointing the victim's gifts and an erasure
// by dropping the donor, each a kith.donation.updated.v1 the subject delivers with the contact
// event (twice when the suite delivers twice).
import {
  describeLifecycleConformance,
  personalDataTestClient,
  waitFor,
  type LifecycleSubject,
  type PersonalDataTestClient,
  type PersonValues,
  type PreparedEvent,
} from '@kith/testkit';
import {
  newTenant,
  startAnalyticsTestService,
  type AnalyticsTestService,
} from './support/analytics-test-service';

let t: AnalyticsTestService;
let personalData: PersonalDataTestClient;
/** The gifts each donor gave, as the transaction service would know them. */
const giftsOf = new Map<string, string[]>();

beforeAll(async () => {
  t = await startAnalyticsTestService('analytics-lifecycle');
  personalData = personalDataTestClient(`127.0.0.1:${t.service.grpcPort}`);
});

afterAll(async () => {
  personalData?.close();
  await t?.stop();
});

const donorKey = (tenant: string, contactId: string) => `${tenant}\n${contactId}`;

/** The same events twice are the suite's "delivered twice": one event id, two deliveries. */
const prepared = new Map<string, { contact: PreparedEvent; gifts: PreparedEvent[] }>();
async function deliver(
  key: string,
  build: () => { contact: PreparedEvent; gifts: PreparedEvent[] },
) {
  const events = prepared.get(key) ?? build();
  prepared.set(key, events);
  await t.contacts.publish(events.contact);
  for (const event of events.gifts) await t.gifts.publish(event);
}

function repointGifts(tenant: string, survivorId: string, victimId: string): PreparedEvent[] {
  const moved = giftsOf.get(donorKey(tenant, victimId)) ?? [];
  giftsOf.delete(donorKey(tenant, victimId));
  giftsOf.set(donorKey(tenant, survivorId), [
    ...(giftsOf.get(donorKey(tenant, survivorId)) ?? []),
    ...moved,
  ]);
  return moved.map((id) => t.gifts.prepareUpdate(tenant, id, { donorId: survivorId }));
}

function forgetDonor(tenant: string, contactId: string): PreparedEvent[] {
  const given = giftsOf.get(donorKey(tenant, contactId)) ?? [];
  giftsOf.delete(donorKey(tenant, contactId));
  return given.map((id) => t.gifts.prepareUpdate(tenant, id, { donorId: undefined }));
}

/** The donations whose facts count for the contact now. */
async function factsOf(tenant: string, contactId: string): Promise<string[]> {
  const docs = await t.mongo
    .db(t.dbName)
    .collection('gift_facts')
    .find({ tenantId: tenant, donorKey: contactId })
    .toArray();
  return [...new Set(docs.map((d) => String(d.donationId)))].sort();
}

const analyticsService: LifecycleSubject = {
  role: 'consumer',
  serviceName: 'analytics',
  newTenant,
  createPerson: (tenant, values: PersonValues) => t.person(tenant, values),
  async attachRecords(tenant, contactId) {
    const gift = t.gifts.prepareGift(tenant, {
      donorId: contactId,
      amountMinor: 2500,
      receivedAt: '2026-11-30T09:00:00Z',
    });
    await t.gifts.publish(gift.event);
    giftsOf.set(donorKey(tenant, contactId), [
      ...(giftsOf.get(donorKey(tenant, contactId)) ?? []),
      gift.donationId,
    ]);
    await waitFor(async () => (await factsOf(tenant, contactId)).includes(gift.donationId), {
      what: `the gift fact of ${contactId}`,
    });
    return [gift.donationId];
  },
  recordsOf: factsOf,
  merge: (tenant, survivorId, victimId) =>
    deliver(`merge\n${tenant}\n${survivorId}\n${victimId}`, () => ({
      contact: t.contacts.prepareMerge(tenant, survivorId, victimId),
      gifts: repointGifts(tenant, survivorId, victimId),
    })),
  erase: (tenant, contactId) =>
    deliver(`erase\n${tenant}\n${contactId}`, () => ({
      contact: t.contacts.prepareErase(tenant, contactId),
      gifts: forgetDonor(tenant, contactId),
    })),
  async storedDocuments() {
    await t.caughtUp();
    return t.storedDocuments();
  },
  exportOf: (tenant, contactId) => personalData.exportOf(tenant, contactId),
};

describeLifecycleConformance('analytics service', () => analyticsService);
