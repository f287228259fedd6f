// The contact service under test with a real client of each gRPC service it serves and a
// MongoDB client for what it stored, all closed after the suite (@kith/testkit openForSuite).
import { testInfra, type OwnResource } from '@kith/testkit';
import mongoose from 'mongoose';
import { contactTestClient, type ContactTestClient } from './contact-test-client';
import { customFieldTestClient, type CustomFieldTestClient } from './custom-field-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './duplicate-test-client';
import { householdTestClient, type HouseholdTestClient } from './household-test-client';
import { privacyTestClient, type PrivacyTestClient } from './privacy-test-client';
import { relationshipTestClient, type RelationshipTestClient } from './relationship-test-client';
import { startContactService, type TestContactService } from './start-contact-service';

export interface ContactProcessUnderTest {
  running: TestContactService;
  contacts: ContactTestClient;
  customFields: CustomFieldTestClient;
  duplicates: DuplicateTestClient;
  households: HouseholdTestClient;
  relationships: RelationshipTestClient;
  privacy: PrivacyTestClient;
  mongo: mongoose.mongo.MongoClient;
}

export async function openContactProcess(
  label: string,
  own: OwnResource,
): Promise<ContactProcessUnderTest> {
  const running = own(await startContactService(label));
  const port = running.service.grpcPort;
  return {
    running,
    contacts: own(contactTestClient(port)),
    customFields: own(customFieldTestClient(port)),
    duplicates: own(duplicateTestClient(port)),
    households: own(householdTestClient(port)),
    relationships: own(relationshipTestClient(port)),
    privacy: own(privacyTestClient(port)),
    mongo: own(await new mongoose.mongo.MongoClient(testInfra().mongoUrl).connect()),
  };
}
