// The interaction service against the lifecycle every service follows (@kith/testkit
// describeLifecycleConformance), as a consumer: contacts, merges and erasures reach it as
// kith.contact.v1 events a ContactEventFeed publishes to real Kafka. The records a person has
// are a logged call that quotes them and an email they sent (matched by address). Against the
// real servers.
import { ContactLifecycle } from '@kith/contact-lifecycle';
import {
  ContactEventFeed,
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
let projection: ContactLifecycle['store'];
const valuesOf = new Map<string, PersonValues>();

beforeAll(async () => {
  running = await startInteractionService('interaction-lifecycle');
  projection = new ContactLifecycle(running.db).store;
  feed = new ContactEventFeed(testInfra().kafkaBrokers, running.prefix);
  await feed.connect();
});

afterAll(async () => {
  await feed?.close();
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

/** The same event twice is the suite's "delivered twice": one event id, two deliveries. */
const prepared = new Map<string, PreparedEvent>();
const deliver = (key: string, build: () => PreparedEvent) => {
  const event = prepared.get(key) ?? build();
  prepared.set(key, event);
  return feed.publish(event);
};

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
    return [call.interaction?.id ?? '', mail.interaction?.id ?? ''];
  },
  async recordsOf(tenant, contactId) {
    const page = await running.interactions.ListInteractions(
      { contactId, page: { pageSize: 200, pageToken: '' } },
      caller(tenant),
    );
    return page.interactions.map((i) => i.id);
  },
  merge: (tenant, survivorId, victimId) =>
    deliver(`merge\n${tenant}\n${survivorId}\n${victimId}`, () =>
      feed.prepareMerge(tenant, survivorId, victimId),
    ),
  erase: (tenant, contactId) =>
    deliver(`erase\n${tenant}\n${contactId}`, () => feed.prepareErase(tenant, contactId)),
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
