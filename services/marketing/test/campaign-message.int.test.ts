// The send ledger against the real MongoDB-wire server: of many senders claiming one
// (campaign, contact) at once exactly one wins, and only the winner's message event is staged
// in the outbox, so at most one message is requested per contact whoever races.
import { randomUUID } from 'node:crypto';
import { Outbox } from '@kith/bus';
import { testDbName, testInfra } from '@kith/testkit';
import { MongoClient, type Db } from 'mongodb';
import { messageOutboxItems } from '../src/events/marketing-events';
import { CampaignMessages, type CampaignMessage } from '../src/store/campaign-message.repository';

let mongo: MongoClient;
let db: Db;
let outboxDb: Db;

beforeAll(async () => {
  mongo = await new MongoClient(testInfra().mongoUrl).connect();
  db = mongo.db(testDbName('marketing-ledger'));
  outboxDb = mongo.db(`${db.databaseName}_outbox`);
});

afterAll(async () => {
  await db?.dropDatabase();
  await outboxDb?.dropDatabase();
  await mongo?.close();
});

it('lets exactly one of eight concurrent senders claim a contact, with one staged event', async () => {
  const ledger = new CampaignMessages(db, new Outbox(outboxDb));
  const tenantId = `tenant-${randomUUID()}`;
  const claim = (n: number) => {
    const message: CampaignMessage = {
      messageId: `m-${n}`,
      tenantId,
      campaignId: 'cmp-1',
      contactId: 'c-1',
      state: 'claimed',
      to: 'jane@example.org',
      subject: 'Hi',
      body: 'Body',
      claimedAt: new Date().toISOString(),
    };
    const items = messageOutboxItems({
      messageId: message.messageId,
      tenantId,
      campaignId: 'cmp-1',
      contactId: 'c-1',
      channel: 'email',
      to: 'jane@example.org',
      from: 'news@example.org',
      subject: 'Hi',
      body: 'Body',
      requestedAt: message.claimedAt,
    });
    return ledger.claim(message, items);
  };

  const won = await Promise.all(Array.from({ length: 8 }, (_, n) => claim(n)));
  const stored = await ledger.get(tenantId, 'cmp-1', 'c-1');
  const staged = await outboxDb.collection('outbox').find({}).toArray();

  expect(won.filter(Boolean)).toHaveLength(1);
  expect(stored?.messageId).toBe(`m-${won.indexOf(true)}`);
  expect(staged).toHaveLength(1);
  expect(await claim(9)).toBe(false);
  expect(await ledger.get(tenantId, 'cmp-1', 'c-1')).toEqual(stored);
});
