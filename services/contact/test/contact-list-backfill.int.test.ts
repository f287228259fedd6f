// Contacts stored before list buckets and search prefixes existed: the start-up backfill
// gives them both once, so whole-tenant listings and searches find them; against the real
// servers.
import { testDbName, testInfra } from '@kith/testkit';
import mongoose, { type Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { Contact } from '../src/domain/contact';
import { searchForms } from '../src/domain/contact-search';
import { toDocumentState } from '../src/store/contact-document.mapper';
import { backfillListFields } from '../src/store/contact-list-backfill';
import { LIST_BUCKETS_COLLECTION, ListBuckets } from '../src/store/contact-list-buckets';
import { ContactListReader } from '../src/store/contact-list.reader';
import {
  CONTACTS_COLLECTION,
  contactModel,
  type ContactDocument,
} from '../src/store/contact.model';

function legacyContact(tenantId: string, lastName: string, email: string): ContactDocument {
  const now = new Date().toISOString();
  const contact: Contact = {
    id: uuidv7(),
    tenantId,
    kind: 'person',
    version: 1,
    displayName: lastName,
    searchNames: [lastName.toLowerCase()],
    person: { lastName },
    emails: [{ address: email, type: 'home', primary: true, valid: true }],
    phones: [],
    addresses: [],
    tags: [],
    deceased: false,
    doNotContact: false,
    customFields: {},
    communication: {},
    consentHistory: [],
    createdAt: now,
    updatedAt: now,
  };
  // As an older version stored it: no bucket, no prefixes.
  const { searchPrefixes: _prefixes, ...doc } = toDocumentState(contact);
  return { ...doc, deletedAt: null };
}

describe('the list fields backfill', () => {
  let connection: Connection;
  const dbName = testDbName('contact-list-backfill');

  beforeAll(async () => {
    connection = await mongoose.createConnection(testInfra().mongoUrl, { dbName }).asPromise();
  });

  afterAll(async () => {
    await connection?.getClient().db(dbName).dropDatabase();
    await connection?.close();
  });

  it('puts older contacts in buckets and gives them search prefixes, once', async () => {
    const db = connection.getClient().db(dbName);
    const contacts = db.collection<ContactDocument>(CONTACTS_COLLECTION);
    const tenant = `tenant-${uuidv7()}`;
    const legacy = ['Ames', 'Baker', 'Cole', 'Dunn', 'Ellis'].map((name) =>
      legacyContact(tenant, name, `${name.toLowerCase()}@example.org`),
    );
    await contacts.insertMany(legacy);
    const buckets = new ListBuckets(db.collection(LIST_BUCKETS_COLLECTION), 2);
    const lists = new ContactListReader(contactModel(connection), buckets, {
      bucketReadBudgetMs: 5000,
    });

    const changed = await backfillListFields(db, contacts, buckets);
    const page = await lists.list({ tenantId: tenant, pageSize: 50 });
    const found = await lists.list({
      tenantId: tenant,
      pageSize: 50,
      searchForms: searchForms('dunn@exa'),
    });
    const later = legacyContact(tenant, 'Fox', 'fox@example.org');
    await contacts.insertOne(later);
    const again = await backfillListFields(db, contacts, buckets);

    expect(changed).toBe(5);
    expect(page.contacts.map((c) => c.id).sort()).toEqual(legacy.map((doc) => doc._id).sort());
    expect(await buckets.list(tenant)).toHaveLength(3);
    expect(found.contacts.map((c) => c.displayName)).toEqual(['Dunn']);
    expect(again).toBe(0);
    expect((await contacts.findOne({ _id: later._id }))?.listBucket).toBeUndefined();
  });
});
