// The marketing service passes the lifecycle conformance suite every service runs
// (@kith/testkit), as a consumer: it learns contacts, merges and erasures only from
// kith.contact.v1 events, which a ContactEventFeed publishes to real Kafka. The records it keeps
// about a person are campaign messages: a campaign to a segment of that person alone, sent
// through Mailpit, whose stored copy carries the person's name and address.
import { randomBytes } from 'node:crypto';
import {
  describeLifecycleConformance,
  personalDataTestClient,
  redelivery,
  waitFor,
  type LifecycleSubject,
  type PersonalDataTestClient,
} from '@kith/testkit';
import {
  caller,
  newTenant,
  startMarketingTestService,
  type MarketingTestService,
} from './support/marketing-test-service';

let t: MarketingTestService;
let personalData: PersonalDataTestClient;
/** Each person carries a tag of their own, so a segment can name them without their values. */
const tagOf = new Map<string, string>();

beforeAll(async () => {
  t = await startMarketingTestService('marketing-conformance');
  personalData = personalDataTestClient(`127.0.0.1:${t.service!.grpcPort}`);
});

afterAll(async () => {
  personalData?.close();
  await t?.stop();
});

/** The same prepared event sent again is the suite's "delivered twice": one event id. */
const deliver = redelivery((event) => t.feed.publish(event));

const messages = () => t.mongo.db(t.dbName).collection('campaign_messages');

const marketingService: LifecycleSubject = {
  role: 'consumer',
  serviceName: 'marketing',
  newTenant,
  async createPerson(tenant, values) {
    const tag = `p-${randomBytes(4).toString('hex')}`;
    const id = await t.person(tenant, values, { tags: [tag] });
    tagOf.set(id, tag);
    return id;
  },
  async attachRecords(tenant, contactId) {
    const tag = tagOf.get(contactId);
    if (!tag) throw new Error(`${contactId} was not created by the suite`);
    const { segment } = await t.segments.CreateSegment(
      { name: tag, definitionJson: JSON.stringify({ tag }) },
      caller(tenant),
    );
    const { campaign } = await t.campaigns.CreateCampaign(
      {
        name: `For ${tag}`,
        segmentId: segment!.id,
        subjectTemplate: 'News for {{firstName|friend}}',
        bodyTemplate: 'Dear {{firstName}} {{lastName}} ({{email}})',
      },
      caller(tenant),
    );
    await t.campaigns.SendCampaign({ id: campaign!.id }, caller(tenant, `send-${tag}`));
    await t.sent(tenant, campaign!.id);
    const sent = await waitFor(() =>
      messages().findOne({ tenantId: tenant, contactId, state: 'sent' }),
    );
    return [String(sent.messageId)];
  },
  async recordsOf(tenant, contactId) {
    const docs = await messages().find({ tenantId: tenant, contactId }).toArray();
    return docs.map((d) => String(d.messageId));
  },
  merge: (tenant, survivorId, victimId) =>
    deliver(`merge\n${tenant}\n${survivorId}\n${victimId}`, () =>
      t.feed.prepareMerge(tenant, survivorId, victimId),
    ),
  erase: (tenant, contactId) =>
    deliver(`erase\n${tenant}\n${contactId}`, () => t.feed.prepareErase(tenant, contactId)),
  async storedDocuments() {
    await t.caughtUp();
    return t.storedDocuments();
  },
  exportOf: (tenant, contactId) => personalData.exportOf(tenant, contactId),
};

describeLifecycleConformance('marketing service', () => marketingService);
