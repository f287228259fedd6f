// A real client of the contact service's privacy calls, for integration tests: EraseContact
// (ContactPrivacyService) and ExportPersonalData (the PersonalDataService every service
// serves, through @kith/testkit), each with a data protection officer's metadata.
import {
  CONTACT_PRIVACY_PROTO,
  type ContactPrivacyProtoGrpcType,
  type privacyV1,
} from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';
import { dpoMetadata, personalDataTestClient, type PersonalDataTestClient } from '@kith/testkit';

export interface PrivacyTestClient extends PersonalDataTestClient {
  erase(tenantId: string, id: string): Promise<privacyV1.EraseContactResponse__Output>;
}

export function privacyTestClient(port: number): PrivacyTestClient {
  const address = `127.0.0.1:${port}`;
  const proto = loadProto(CONTACT_PRIVACY_PROTO) as unknown as ContactPrivacyProtoGrpcType;
  const privacy = createClient<privacyV1.ContactPrivacyServiceClient>(
    proto.kith.contact.v1.ContactPrivacyService,
    address,
  );
  const personalData = personalDataTestClient(address);
  return {
    erase: (tenantId, id) =>
      callUnary<privacyV1.EraseContactResponse__Output>(
        privacy,
        'EraseContact',
        { id },
        dpoMetadata(tenantId),
      ),
    exportOf: (tenantId, contactId) => personalData.exportOf(tenantId, contactId),
    close() {
      privacy.close();
      personalData.close();
    },
  };
}
