// The one client of the contact service process (CONTACT_GRPC_ADDRESS): every gRPC service
// it serves, behind the same bulkhead. Households go through the generic upstreamClient;
// the other services still have their own classes (grpc/*.client.ts) until they move too.
import { HOUSEHOLD_PROTO } from '@kith/contracts';
import type { HouseholdProtoGrpcType } from '@kith/contracts';
import { loadProto } from '@kith/grpc-kit';
import { GrpcContactImportGateway } from '../../grpc/contact-import.client';
import { GrpcContactGateway } from '../../grpc/contact.client';
import { GrpcCustomFieldGateway } from '../../grpc/custom-field.client';
import { GrpcDuplicateGateway } from '../../grpc/duplicate.client';
import { GrpcContactPrivacyGateway } from '../../grpc/personal-data.client';
import { GrpcRelationshipGateway } from '../../grpc/relationship.client';
import { upstreamClient } from '../../grpc/upstream-client';
import type { UpstreamClient } from '../../grpc/upstream-client';
import type { UpstreamOptions } from '../../grpc/upstream-call';
import type { ContactModuleClient } from './contact.module';

type HouseholdService = HouseholdProtoGrpcType['kith']['contact']['v1']['HouseholdService'];
export type HouseholdServiceDefinition = HouseholdService['service'];
export type HouseholdClient = UpstreamClient<HouseholdServiceDefinition>;

export interface ContactServiceOptions {
  upstream: UpstreamOptions;
  /** For CSV export pages: a bulk read, with the longer deadline. */
  bulkDeadlineMs: number;
}

export function contactServiceClient(opts: ContactServiceOptions): ContactModuleClient & {
  close(): void;
} {
  const { upstream } = opts;
  const clients = {
    contacts: new GrpcContactGateway(upstream),
    bulkContacts: new GrpcContactGateway({ ...upstream, deadlineMs: opts.bulkDeadlineMs }),
    customFields: new GrpcCustomFieldGateway(upstream),
    duplicates: new GrpcDuplicateGateway(upstream),
    households: upstreamClient(
      (loadProto(HOUSEHOLD_PROTO) as unknown as HouseholdProtoGrpcType).kith.contact.v1
        .HouseholdService,
      upstream,
    ),
    imports: new GrpcContactImportGateway(upstream),
    relationships: new GrpcRelationshipGateway(upstream),
    eraser: new GrpcContactPrivacyGateway(upstream),
  };
  return {
    ...clients,
    close() {
      for (const client of Object.values(clients)) client.close();
    },
  };
}
