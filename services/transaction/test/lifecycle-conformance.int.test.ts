// The transaction service passes the lifecycle conformance suite every service runs
// (@kith/testkit), as a consumer: it learns contacts, merges and erasures only from
// kith.contact.v1 events, which a ContactEventFeed publishes to real Kafka. The records it keeps
// about a person are gifts: one the person gave, and one another donor gave in their memory
// (the honoree's name as the donor wrote it: the person's own values, stored here until erased).
import {
  describeLifecycleConformance,
  personalDataTestClient,
  redelivery,
  type LifecycleSubject,
  type PersonalDataTestClient,
  type PersonValues,
} from '@kith/testkit';
import {
  caller,
  giftRequest,
  newTenant,
  startTransactionTestService,
  type TransactionTestService,
} from './support/transaction-test-service';

let t: TransactionTestService;
let personalData: PersonalDataTestClient;
const valuesOf = new Map<string, PersonValues>();

beforeAll(async () => {
  t = await startTransactionTestService('transaction-conformance');
  personalData = personalDataTestClient(`127.0.0.1:${t.service.grpcPort}`);
});

afterAll(async () => {
  personalData?.close();
  await t?.stop();
});

/** The same prepared event sent again is the suite's "delivered twice": one event id. */
const deliver = redelivery((event) => t.feed.publish(event));

const transactionService: LifecycleSubject = {
  role: 'consumer',
  serviceName: 'transaction',
  newTenant,
  async createPerson(tenant, values) {
    const id = await t.person(tenant, values);
    valuesOf.set(id, values);
    return id;
  },
  async attachRecords(tenant, contactId) {
    const values = valuesOf.get(contactId);
    if (!values) throw new Error(`${contactId} was not created by the suite`);
    const other = await t.person(tenant);
    const own = await t.client.CreateDonation(giftRequest(contactId, '2500'), caller(tenant));
    const tribute = {
      type: 'in_memory_of',
      honoreeName: `${values.firstName} ${values.lastName}`,
      honoreeContactId: contactId,
    };
    const inMemory = await t.client.CreateDonation(
      giftRequest(other, '10000', { tribute }),
      caller(tenant),
    );
    return [own.donation!.id, inMemory.donation!.id];
  },
  async recordsOf(tenant, contactId) {
    const gifts = await t.mongo
      .db(t.dbName)
      .collection('donations')
      .find({
        tenantId: tenant,
        $or: [{ donorId: contactId }, { softCreditContactIds: contactId }],
      })
      .toArray();
    return gifts.map((g) => String(g._id));
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

describeLifecycleConformance('transaction service', () => transactionService);
