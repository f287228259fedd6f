// The one client of the contact service process (CONTACT_GRPC_ADDRESS): every gRPC service
// it serves, each a typed upstreamClient built from its generated definition, all behind the
// same bulkhead (list pages in the scan pool). The services are declared once below (name →
// generated type, proto file); their client types derive from that. Unit tests pass
// fakeUpstream fakes instead.
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
import type * as grpc from '@grpc/grpc-js';
import { loadProto, type ServiceConstructor } from '@kith/grpc-kit';
import { upstreamClient } from '../../grpc/upstream-client';
import type { UpstreamClient } from '../../grpc/upstream-client';
import type { UpstreamOptions } from '../../grpc/upstream-call';
import type { ContactModuleClient } from './contact.module';

/** Each gRPC service of the contact process (kith.contact.v1) and its generated proto type. */
interface ContactProcessProtos {
  ContactService: ContactProtoGrpcType;
  ContactImportService: ContactImportProtoGrpcType;
  ContactPrivacyService: ContactPrivacyProtoGrpcType;
  CustomFieldService: CustomFieldProtoGrpcType;
  DuplicateService: DuplicateProtoGrpcType;
  HouseholdService: HouseholdProtoGrpcType;
  RelationshipService: RelationshipProtoGrpcType;
}
type ContactProcessService = keyof ContactProcessProtos;

/** The proto file each one is loaded from at run time. */
const PROTO_OF: Record<ContactProcessService, string> = {
  ContactService: CONTACT_PROTO,
  ContactImportService: CONTACT_IMPORT_PROTO,
  ContactPrivacyService: CONTACT_PRIVACY_PROTO,
  CustomFieldService: CUSTOM_FIELD_PROTO,
  DuplicateService: DUPLICATE_PROTO,
  HouseholdService: HOUSEHOLD_PROTO,
  RelationshipService: RELATIONSHIP_PROTO,
};

/** A service's generated constructor, as its proto type declares it. */
type GeneratedService<S extends ContactProcessService> =
  ContactProcessProtos[S]['kith']['contact']['v1'] extends infer V
    ? S extends keyof V
      ? V[S]
      : never
    : never;
/** A service's generated definition, which createTypedClient types the methods from. */
export type DefinitionOf<S extends ContactProcessService> =
  GeneratedService<S> extends ServiceConstructor<infer Def extends grpc.ServiceDefinition>
    ? Def
    : never;
export type ClientOf<S extends ContactProcessService> = UpstreamClient<DefinitionOf<S>>;

export type ContactClient = ClientOf<'ContactService'>;
export type ContactImportClient = ClientOf<'ContactImportService'>;
export type ContactPrivacyClient = ClientOf<'ContactPrivacyService'>;
export type CustomFieldClient = ClientOf<'CustomFieldService'>;
export type DuplicateClient = ClientOf<'DuplicateService'>;
export type HouseholdClient = ClientOf<'HouseholdService'>;
export type RelationshipClient = ClientOf<'RelationshipService'>;

/** The generated constructor of one service, from its proto file. */
function serviceConstructor<S extends ContactProcessService>(
  name: S,
): ServiceConstructor<DefinitionOf<S>> {
  const proto = loadProto(PROTO_OF[name]) as unknown as ContactProcessProtos[S];
  const services = proto.kith.contact.v1 as unknown as Record<
    S,
    ServiceConstructor<DefinitionOf<S>>
  >;
  return services[name];
}

export interface ContactServiceOptions {
  upstream: UpstreamOptions;
  /** For CSV export pages: a bulk read, with the longer deadline. */
  bulkDeadlineMs: number;
}

export function contactServiceClient(opts: ContactServiceOptions): ContactModuleClient & {
  close(): void;
} {
  const { upstream } = opts;
  const contactService = serviceConstructor('ContactService');
  const clients = {
    // Contact list pages are the heaviest reads: the scan pool (docs/operations.md).
    contacts: upstreamClient(contactService, upstream, { scans: ['ListContacts'] }),
    bulkContacts: upstreamClient(
      contactService,
      { ...upstream, deadlineMs: opts.bulkDeadlineMs },
      { scans: ['ListContacts'] },
    ),
    customFields: upstreamClient(serviceConstructor('CustomFieldService'), upstream),
    duplicates: upstreamClient(serviceConstructor('DuplicateService'), upstream),
    households: upstreamClient(serviceConstructor('HouseholdService'), upstream),
    imports: upstreamClient(
      serviceConstructor('ContactImportService'),
      upstream,
      // A batch writes up to a thousand contacts: a longer deadline than one read.
      { deadlines: { ImportContactRows: Math.max(upstream.deadlineMs, 60_000) } },
    ),
    relationships: upstreamClient(serviceConstructor('RelationshipService'), upstream),
    eraser: upstreamClient(serviceConstructor('ContactPrivacyService'), upstream),
  };
  return {
    ...clients,
    close() {
      for (const client of Object.values(clients)) client.close();
    },
  };
}
