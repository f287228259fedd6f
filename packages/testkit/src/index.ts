export { testInfra, uniquePrefix, testDbName, waitFor } from './test-env';
export { TEST_JWT, mintTestJwt } from './test-jwt';
export { readTopic, type ReadMessage } from './topic-reader';
export { groupCaughtUp } from './consumer-progress';
export { startInfra, chooseInfraKind, type RunningInfra } from './infra';
export { mongoBackend, testMongoBackend, type MongoBackend } from './mongo-backend';
export {
  CONTACT_CSV_HEADER,
  contactCsvLine,
  contactCsvLines,
  csvRowCounts,
  csvRowKind,
  type ContactCsvOptions,
  type CsvRowKind,
} from './contact-csv';
export {
  describeLifecycleConformance,
  type ExportedPersonalData,
  type LifecycleSubject,
  type PersonValues,
} from './lifecycle-conformance';
export {
  ContactEventFeed,
  prepareEvent,
  redelivery,
  type PreparedEvent,
} from './contact-event-feed';
export { DonationEventFeed, type GiftInput } from './donation-event-feed';
export { MarketingEventFeed } from './marketing-event-feed';
export { startDelayingProxy, type DelayingProxy } from './delaying-proxy';
export {
  dpoMetadata,
  personalDataTestClient,
  type PersonalDataTestClient,
} from './personal-data-client';
export { everyStoredDocument, storedDocumentTexts, type ReadableDb } from './stored-documents';
export { openForSuite, type OwnResource, type SuiteResource } from './suite-resources';
export {
  describeReflectionThroughGrpcurl,
  findGrpcurl,
  grpcurlCaller,
  grpcurlRun,
  type ReflectionSubject,
} from './grpcurl';
export { contactProjectedIn, createProjectedPerson } from './projected-person';
