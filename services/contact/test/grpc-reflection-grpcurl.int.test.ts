// Server reflection as a real client uses it (@kith/testkit's grpcurl suite): grpcurl lists the
// running contact process, describes every service it serves with every type its methods use,
// and creates and reads a contact knowing only what reflection returned (no .proto files).
import { describeReflectionThroughGrpcurl, grpcurlCaller, grpcurlRun } from '@kith/testkit';
import { startContactService } from './support/start-contact-service';

describeReflectionThroughGrpcurl({
  name: 'the contact process',
  services: [
    'kith.contact.v1.ContactService',
    'kith.contact.v1.CustomFieldService',
    'kith.contact.v1.HouseholdService',
    'kith.contact.v1.RelationshipService',
    'kith.contact.v1.ContactPrivacyService',
    'kith.privacy.v1.PersonalDataService',
    'kith.contact.v1.DuplicateService',
    'kith.contact.v1.ContactImportService',
    'grpc.health.v1.Health',
  ],
  async start() {
    const running = await startContactService('grpc-reflection');
    return { address: `127.0.0.1:${running.service.grpcPort}`, stop: () => running.stop() };
  },
  async call(address) {
    // What failed before the descriptors named their imports (FieldMask) and their map entries.
    const update = await grpcurlRun(address, 'describe', 'kith.contact.v1.UpdateContactRequest');
    const healthList = await grpcurlRun(address, 'describe', 'grpc.health.v1.HealthListResponse');
    expect(update).toMatch(/\.google\.protobuf\.FieldMask updateMask = 4;/);
    expect(healthList).toMatch(
      /map<string, \.grpc\.health\.v1\.HealthCheckResponse> statuses = 1;/,
    );

    const caller = grpcurlCaller(`tenant-reflection-${Date.now()}`);
    const create = JSON.stringify({
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Ada', lastName: 'Lovelace' } },
    });
    const created = JSON.parse(
      await grpcurlRun(
        ...caller,
        '-d',
        create,
        address,
        'kith.contact.v1.ContactService/CreateContact',
      ),
    ) as { contact: { id: string; displayName: string } };
    const read = JSON.parse(
      await grpcurlRun(
        ...caller,
        '-d',
        JSON.stringify({ id: created.contact.id }),
        address,
        'kith.contact.v1.ContactService/GetContact',
      ),
    ) as { contact: { id: string; displayName: string } };

    expect(created.contact.displayName).toBe('Ada Lovelace');
    expect(read.contact).toMatchObject({ id: created.contact.id, displayName: 'Ada Lovelace' });
  },
});
