// The contact service against the lifecycle every service follows (@kith/testkit
// describeLifecycleConformance): here merge and erasure are the service's own calls, and the
// records a person has are a relationship and a household place, named by what they are (a
// re-pointed relationship is stored anew under another id). Against the real servers.
import * as grpc from '@grpc/grpc-js';
import {
  CONTACT_PRIVACY_PROTO,
  PERSONAL_DATA_PROTO,
  type ContactPrivacyProtoGrpcType,
  type PersonalDataProtoGrpcType,
  type privacyV1,
} from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';
import {
  describeLifecycleConformance,
  testInfra,
  waitFor,
  type LifecycleSubject,
} from '@kith/testkit';
import mongoose from 'mongoose';
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './support/duplicate-test-client';
import { householdTestClient, type HouseholdTestClient } from './support/household-test-client';
import {
  relationshipTestClient,
  type RelationshipTestClient,
} from './support/relationship-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';
import { everyStoredDocument } from './support/stored-documents';

let running: TestContactService;
let contacts: ContactTestClient;
let duplicates: DuplicateTestClient;
let households: HouseholdTestClient;
let relationships: RelationshipTestClient;
let privacy: privacyV1.ContactPrivacyServiceClient;
let personalData: privacyV1.PersonalDataServiceClient;
let mongo: mongoose.mongo.MongoClient;

beforeAll(async () => {
  running = await startContactService('contact-lifecycle');
  const port = running.service.grpcPort;
  contacts = contactTestClient(port);
  duplicates = duplicateTestClient(port);
  households = householdTestClient(port);
  relationships = relationshipTestClient(port);
  const proto = loadProto(CONTACT_PRIVACY_PROTO) as unknown as ContactPrivacyProtoGrpcType;
  privacy = createClient(proto.kith.contact.v1.ContactPrivacyService, `127.0.0.1:${port}`);
  const exportProto = loadProto(PERSONAL_DATA_PROTO) as unknown as PersonalDataProtoGrpcType;
  personalData = createClient(exportProto.kith.privacy.v1.PersonalDataService, `127.0.0.1:${port}`);
  mongo = await new mongoose.mongo.MongoClient(testInfra().mongoUrl).connect();
});

afterAll(async () => {
  contacts?.close();
  duplicates?.close();
  households?.close();
  relationships?.close();
  (privacy as unknown as grpc.Client | undefined)?.close();
  (personalData as unknown as grpc.Client | undefined)?.close();
  await mongo?.close();
  await running?.stop();
});

/** A gone contact (merged, erased) has no records: its reads answer NOT_FOUND. */
const orNone = <T>(read: Promise<T>, ids: (found: T) => string[]): Promise<string[]> =>
  read.then(ids, (err: grpc.ServiceError) => {
    if (err.code === grpc.status.NOT_FOUND) return [];
    throw err;
  });

const dpo = (tenantId: string) => ({ tenantId, userId: 'dpo-1', roles: ['admin'] });

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
  erase: (tenant, id) => callUnary(privacy, 'EraseContact', { id }, dpo(tenant)),
  async exportOf(tenant, contactId) {
    const answer = await callUnary<privacyV1.ExportPersonalDataResponse__Output>(
      personalData,
      'ExportPersonalData',
      { contactId },
      dpo(tenant),
    );
    return { service: answer.service, sections: answer.sections };
  },
  async storedDocuments() {
    // Consumers (audit, re-pointing) have caught up once the outbox is drained.
    await waitFor(
      async () =>
        (await mongo.db(`${running.dbName}_outbox`).collection('outbox').countDocuments({})) === 0,
      { what: 'the outbox to drain' },
    );
    return everyStoredDocument(mongo, running.dbName);
  },
};

describeLifecycleConformance('contact service', () => contactService);
