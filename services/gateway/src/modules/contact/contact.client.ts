// The one client of the contact service process (CONTACT_GRPC_ADDRESS): every gRPC service
// it serves, each a typed upstreamClient built from its generated definition, all behind the
// same bulkhead (list pages in the scan pool). Unit tests pass fakeUpstream fakes instead.
import {
  CONTACT_IMPORT_PROTO,
  CONTACT_PRIVACY_PROTO,
  CONTACT_PROTO,
  CUSTOM_FIELD_PROTO,
  DUPLICATE_PROTO,
  HOUSEHOLD_PROTO,
  RELATIONSHIP_PROTO,
} from '@kith/contracts';
import type {
  ContactImportProtoGrpcType,
  ContactPrivacyProtoGrpcType,
  ContactProtoGrpcType,
  CustomFieldProtoGrpcType,
  DuplicateProtoGrpcType,
  HouseholdProtoGrpcType,
  RelationshipProtoGrpcType,
} from '@kith/contracts';
import { loadProto } from '@kith/grpc-kit';
import { upstreamClient } from '../../grpc/upstream-client';
import type { UpstreamClient } from '../../grpc/upstream-client';
import type { UpstreamOptions } from '../../grpc/upstream-call';
import type { ContactModuleClient } from './contact.module';

type HouseholdService = HouseholdProtoGrpcType['kith']['contact']['v1']['HouseholdService'];
export type HouseholdServiceDefinition = HouseholdService['service'];
export type HouseholdClient = UpstreamClient<HouseholdServiceDefinition>;
type ContactService = ContactProtoGrpcType['kith']['contact']['v1']['ContactService'];
export type ContactServiceDefinition = ContactService['service'];
export type ContactClient = UpstreamClient<ContactServiceDefinition>;
type CustomFieldService = CustomFieldProtoGrpcType['kith']['contact']['v1']['CustomFieldService'];
export type CustomFieldServiceDefinition = CustomFieldService['service'];
export type CustomFieldClient = UpstreamClient<CustomFieldServiceDefinition>;
type RelationshipService =
  RelationshipProtoGrpcType['kith']['contact']['v1']['RelationshipService'];
export type RelationshipServiceDefinition = RelationshipService['service'];
export type RelationshipClient = UpstreamClient<RelationshipServiceDefinition>;
type DuplicateService = DuplicateProtoGrpcType['kith']['contact']['v1']['DuplicateService'];
export type DuplicateServiceDefinition = DuplicateService['service'];
export type DuplicateClient = UpstreamClient<DuplicateServiceDefinition>;
type ContactPrivacyService =
  ContactPrivacyProtoGrpcType['kith']['contact']['v1']['ContactPrivacyService'];
export type ContactPrivacyServiceDefinition = ContactPrivacyService['service'];
export type ContactPrivacyClient = UpstreamClient<ContactPrivacyServiceDefinition>;
type ContactImportService =
  ContactImportProtoGrpcType['kith']['contact']['v1']['ContactImportService'];
export type ContactImportServiceDefinition = ContactImportService['service'];
export type ContactImportClient = UpstreamClient<ContactImportServiceDefinition>;

export interface ContactServiceOptions {
  upstream: UpstreamOptions;
  /** For CSV export pages: a bulk read, with the longer deadline. */
  bulkDeadlineMs: number;
}

export function contactServiceClient(opts: ContactServiceOptions): ContactModuleClient & {
  close(): void;
} {
  const { upstream } = opts;
  const contactService = (loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType).kith.contact
    .v1.ContactService;
  const clients = {
    // Contact list pages are the heaviest reads: the scan pool (docs/operations.md).
    contacts: upstreamClient(contactService, upstream, { scans: ['ListContacts'] }),
    bulkContacts: upstreamClient(
      contactService,
      { ...upstream, deadlineMs: opts.bulkDeadlineMs },
      { scans: ['ListContacts'] },
    ),
    customFields: upstreamClient(
      (loadProto(CUSTOM_FIELD_PROTO) as unknown as CustomFieldProtoGrpcType).kith.contact.v1
        .CustomFieldService,
      upstream,
    ),
    duplicates: upstreamClient(
      (loadProto(DUPLICATE_PROTO) as unknown as DuplicateProtoGrpcType).kith.contact.v1
        .DuplicateService,
      upstream,
    ),
    households: upstreamClient(
      (loadProto(HOUSEHOLD_PROTO) as unknown as HouseholdProtoGrpcType).kith.contact.v1
        .HouseholdService,
      upstream,
    ),
    imports: upstreamClient(
      (loadProto(CONTACT_IMPORT_PROTO) as unknown as ContactImportProtoGrpcType).kith.contact.v1
        .ContactImportService,
      upstream,
      // A batch writes up to a thousand contacts: a longer deadline than one read.
      { deadlines: { ImportContactRows: Math.max(upstream.deadlineMs, 60_000) } },
    ),
    relationships: upstreamClient(
      (loadProto(RELATIONSHIP_PROTO) as unknown as RelationshipProtoGrpcType).kith.contact.v1
        .RelationshipService,
      upstream,
    ),
    eraser: upstreamClient(
      (loadProto(CONTACT_PRIVACY_PROTO) as unknown as ContactPrivacyProtoGrpcType).kith.contact.v1
        .ContactPrivacyService,
      upstream,
    ),
  };
  return {
    ...clients,
    close() {
      for (const client of Object.values(clients)) client.close();
    },
  };
}
