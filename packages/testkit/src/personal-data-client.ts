// A real client of a service's kith.privacy.v1.PersonalDataService, as the gateway's export
// fan-out calls it (a data protection officer's metadata): what a conformance subject's
// exportOf and a service's own export tests read.
import {
  PERSONAL_DATA_PROTO,
  type PersonalDataProtoGrpcType,
  type privacyV1,
} from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';
import type { ExportedPersonalData } from './lifecycle-conformance';

export interface PersonalDataTestClient {
  /** ExportPersonalData for the contact in the tenant; a refusal rejects with its ServiceError. */
  exportOf(tenantId: string, contactId: string): Promise<ExportedPersonalData>;
  close(): void;
}

/** The metadata of the people who ask for exports and erasures: an admin, a DPO. */
export const dpoMetadata = (tenantId: string) => ({ tenantId, userId: 'dpo-1', roles: ['admin'] });

export function personalDataTestClient(address: string): PersonalDataTestClient {
  const proto = loadProto(PERSONAL_DATA_PROTO) as unknown as PersonalDataProtoGrpcType;
  const client = createClient<privacyV1.PersonalDataServiceClient>(
    proto.kith.privacy.v1.PersonalDataService,
    address,
  );
  return {
    async exportOf(tenantId, contactId) {
      const answer = await callUnary<privacyV1.ExportPersonalDataResponse__Output>(
        client,
        'ExportPersonalData',
        { contactId },
        dpoMetadata(tenantId),
      );
      return { service: answer.service, sections: answer.sections };
    },
    close: () => client.close(),
  };
}
