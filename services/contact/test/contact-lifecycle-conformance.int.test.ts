// The contact service against the lifecycle every service follows (@kith/testkit
// describeLifecycleConformance): here merge and erasure are the service's own calls, and the
// records a person has are a relationship and a household place, named by what they are (a
// re-pointed relationship is stored anew under another id). Against the real servers.
import * as grpc from '@grpc/grpc-js';
import { describeLifecycleConformance, openForSuite, type LifecycleSubject } from '@kith/testkit';
import type mongoose from 'mongoose';
import { openContactProcess } from './support/contact-process';
import type { ContactTestClient } from './support/contact-test-client';
import type { DuplicateTestClient } from './support/duplicate-test-client';
import type { HouseholdTestClient } from './support/household-test-client';
import type { PrivacyTestClient } from './support/privacy-test-client';
import type { RelationshipTestClient } from './support/relationship-test-client';
import { newTenant, type TestContactService } from './support/start-contact-service';
import { everyStoredDocument, outboxDrained } from './support/stored-documents';

let running: TestContactService;
let contacts: ContactTestClient;
let duplicates: DuplicateTestClient;
let households: HouseholdTestClient;
let relationships: RelationshipTestClient;
let privacy: PrivacyTestClient;
let mongo: mongoose.mongo.MongoClient;

openForSuite(async (own) => {
  ({ running, contacts, duplicates, households, relationships, privacy, mongo } =
    await openContactProcess('contact-lifecycle', own));
});

/** A gone contact (merged, erased) has no records: its reads answer NOT_FOUND. */
const orNone = <T>(read: Promise<T>, ids: (found: T) => string[]): Promise<string[]> =>
  read.then(ids, (err: grpc.ServiceError) => {
    if (err.code === grpc.status.NOT_FOUND) return [];
    throw err;
  });

const contactService: LifecycleSubject = {
  role: 'owner',
  serviceName: 'contact',
  newTenant,
  async createPerson(tenant, values) {
    const created = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: {
        person: { firstName: values.firstName, lastName: values.lastName },
        emails: [{ address: values.email, type: 'home' }],
      },
    });
    return created.id;
  },
  async attachRecords(tenant, contactId) {
    const partner = await contacts.create(tenant, {
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Partner', lastName: 'Ofsomeone' } },
    });
    await relationships.create(tenant, {
      typeCode: 'spouse-of',
      contactAId: contactId,
      contactBId: partner.id,
    });
    const household = await households.call('CreateHousehold', tenant, {});
    await households.call('AddHouseholdMember', tenant, {
      householdId: household.id,
      expectedVersion: household.version,
      contactId,
      role: 'adult',
    });
    return [`relationship spouse-of ${partner.id}`, `household ${household.id}`];
  },
  async recordsOf(tenant, contactId) {
    const [related, household] = await Promise.all([
      orNone(relationships.listFor(tenant, { contactId }), (res) =>
        res.relationships.map(
          (r) => `relationship ${r.relationship?.typeCode} ${r.otherContactId}`,
        ),
      ),
      orNone(households.call('GetContactHousehold', tenant, { contactId }), (h) => [
        `household ${h.id}`,
      ]),
    ]);
    return [...related, ...household];
  },
  merge: (tenant, survivorId, victimId) => duplicates.merge(tenant, { survivorId, victimId }),
  erase: (tenant, id) => privacy.erase(tenant, id),
  exportOf: (tenant, contactId) => privacy.exportOf(tenant, contactId),
  async storedDocuments() {
    // Consumers (audit, re-pointing) have caught up once the outbox is drained.
    await outboxDrained(mongo, running.dbName);
    return everyStoredDocument(mongo, running.dbName);
  },
};

describeLifecycleConformance('contact service', () => contactService);
