// The interaction service against the lifecycle every service follows (@kith/testkit
// describeLifecycleConformance), as a consumer: contacts, merges and erasures reach it as
// kith.contact.v1 events a ContactEventFeed publishes to real Kafka. The records a person has
// are a logged call that quotes them, an email they sent (matched by address) and a gift they
// gave on their timeline (the projection of kith.transaction.v1, which names them by id): a
// DonationEventFeed plays the transaction service, which answers a merge by re-pointing the
// victim's gifts and an erasure by dropping the donor, each a kith.donation.updated.v1 the
// subject delivers with the contact event (twice when the suite delivers twice). Against the
// real servers.
import * as grpc from '@grpc/grpc-js';
import { ContactLifecycle } from '@kith/contact-lifecycle';
import {
  ContactEventFeed,
  DonationEventFeed,
  describeLifecycleConformance,
  testInfra,
  waitFor,
  type LifecycleSubject,
  type PersonValues,
  type PreparedEvent,
} from '@kith/testkit';
import {
  caller,
  newTenant,
  startInteractionService,
  type TestInteractionService,
} from './support/start-interaction-service';

let running: TestInteractionService;
let feed: ContactEventFeed;
let gifts: DonationEventFeed;
let projection: ContactLifecycle['store'];
const valuesOf = new Map<string, PersonValues>();
/** The gifts each donor gave, as the transaction service would know them. */
const giftsOf = new Map<string, string[]>();

beforeAll(async () => {
  running = await startInteractionService('interaction-lifecycle');
  projection = new ContactLifecycle(running.db).store;
  feed = new ContactEventFeed(testInfra().kafkaBrokers, running.prefix);
  gifts = new DonationEventFeed(testInfra().kafkaBrokers, running.prefix);
  await Promise.all([feed.connect(), gifts.connect()]);
});

afterAll(async () => {
  await Promise.all([feed?.close(), gifts?.close()]);
  await running?.stop();
});

/** The projection is at every version the feed sent, and the outbox is drained. */
async function caughtUp(): Promise<void> {
  await waitFor(
    async () => {
      for (const { tenantId, id, version } of feed.contacts()) {
        const known = await projection.latest(tenantId, id);
        if (!known || known.version < version) return false;
      }
      return (await running.outboxSize()) === 0;
    },
    { what: 'the interaction service to catch up with the feed' },
  );
}

/** The same events twice are the suite's "delivered twice": one event id, two deliveries. */
const prepared = new Map<string, { contact: PreparedEvent; gifts: PreparedEvent[] }>();
const deliver = async (
  key: string,
  build: () => { contact: PreparedEvent; gifts: PreparedEvent[] },
) => {
  const events = prepared.get(key) ?? build();
  prepared.set(key, events);
  await feed.publish(events.contact);
  for (const event of events.gifts) await gifts.publish(event);
};

const donorKey = (tenant: string, contactId: string) => `${tenant}\n${contactId}`;

/** The transaction service's answer to a merge: the victim's gifts re-pointed, now the survivor's. */
function repointGifts(tenant: string, survivorId: string, victimId: string): PreparedEvent[] {
  const moved = giftsOf.get(donorKey(tenant, victimId)) ?? [];
  giftsOf.delete(donorKey(tenant, victimId));
  const kept = giftsOf.get(donorKey(tenant, survivorId)) ?? [];
  giftsOf.set(donorKey(tenant, survivorId), [...kept, ...moved]);
  return moved.map((id) => gifts.prepareUpdate(tenant, id, { donorId: survivorId }));
}

/** Its answer to an erasure: every gift of the person stays, without its donor. */
function forgetDonor(tenant: string, contactId: string): PreparedEvent[] {
  const given = giftsOf.get(donorKey(tenant, contactId)) ?? [];
  giftsOf.delete(donorKey(tenant, contactId));
  return given.map((id) => gifts.prepareUpdate(tenant, id, { donorId: undefined }));
}

/** The gifts on the contact's timeline, as `gift:<donation id>` ([] once it is not live). */
async function giftsOnTimeline(tenant: string, contactId: string): Promise<string[]> {
  const page = await running.interactions
    .ListContactTimeline({ contactId, kinds: ['gift'] }, caller(tenant))
    .catch((err: grpc.ServiceError) => {
      if (err.code === grpc.status.NOT_FOUND) return { entries: [] };
      throw err;
    });
  return page.entries.map((e) => `gift:${e.gift?.donationId ?? ''}`);
}

function mailFrom(values: PersonValues, tag: string): Buffer {
  return Buffer.from(
    [
      `From: ${values.firstName} ${values.lastName} <${values.email}>`,
      'To: office@charity.example',
      `Subject: A gift from ${values.firstName}`,
      `Message-ID: <${tag}@mail.example>`,
      'Date: Tue, 01 Dec 2026 10:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Hello, this is ${values.firstName} ${values.lastName} (${values.email}).`,
      '',
    ].join('\r\n'),
  );
}

const interactionService: LifecycleSubject = {
  role: 'consumer',
  serviceName: 'interaction',
  newTenant,
  async createPerson(tenant, values) {
    const id = await feed.createPerson(tenant, values);
    valuesOf.set(id, values);
    await waitFor(() => projection.get(tenant, id), { what: `contact ${id} projected` });
    return id;
  },
  async attachRecords(tenant, contactId) {
    const values = valuesOf.get(contactId);
    if (!values) throw new Error(`no values for ${contactId}`);
    const call = await running.interactions.CreateInteraction(
      {
        fields: {
          type: 'INTERACTION_TYPE_CALL',
          direction: 'INTERACTION_DIRECTION_OUTBOUND',
          occurredAt: '2026-12-01T09:00:00Z',
          durationMinutes: 12,
          subject: `Thank-you call to ${values.firstName} ${values.lastName}`,
          body: `Spoke with ${values.firstName}; write to ${values.email}.`,
          participantContactIds: [contactId],
        },
      },
      caller(tenant),
    );
    const mail = await running.interactions.IngestMail(
      { raw: mailFrom(values, `${contactId}-${tenant}`) },
      caller(tenant),
    );
    const gift = gifts.prepareGift(tenant, {
      donorId: contactId,
      amountMinor: 2500,
      receivedAt: '2026-11-30T09:00:00Z',
    });
    await gifts.publish(gift.event);
    giftsOf.set(donorKey(tenant, contactId), [
      ...(giftsOf.get(donorKey(tenant, contactId)) ?? []),
      gift.donationId,
    ]);
    const key = `gift:${gift.donationId}`;
    await waitFor(async () => (await giftsOnTimeline(tenant, contactId)).includes(key), {
      what: `the gift of ${contactId} on their timeline`,
    });
    return [call.interaction?.id ?? '', mail.interaction?.id ?? '', key];
  },
  async recordsOf(tenant, contactId) {
    const page = await running.interactions.ListInteractions(
      { contactId, page: { pageSize: 200, pageToken: '' } },
      caller(tenant),
    );
    return [...page.interactions.map((i) => i.id), ...(await giftsOnTimeline(tenant, contactId))];
  },
  merge: (tenant, survivorId, victimId) =>
    deliver(`merge\n${tenant}\n${survivorId}\n${victimId}`, () => ({
      contact: feed.prepareMerge(tenant, survivorId, victimId),
      gifts: repointGifts(tenant, survivorId, victimId),
    })),
  erase: (tenant, contactId) =>
    deliver(`erase\n${tenant}\n${contactId}`, () => ({
      contact: feed.prepareErase(tenant, contactId),
      gifts: forgetDonor(tenant, contactId),
    })),
  async storedDocuments() {
    await caughtUp();
    return running.storedDocuments();
  },
  async exportOf(tenant, contactId) {
    const answer = await running.personalData.ExportPersonalData({ contactId }, caller(tenant));
    return { service: answer.service, sections: answer.sections };
  },
};

describeLifecycleConformance('interaction service', () => interactionService);
