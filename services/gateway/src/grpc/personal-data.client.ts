// The gateway's view of the privacy contracts: PersonalDataService, served by every service
// that holds personal data (one client per upstream in the registry), and
// ContactPrivacyService (erasure), served by the contact process at CONTACT_GRPC_ADDRESS.
// Interfaces for the HTTP layer (unit tests pass fakes) and their gRPC implementations.
import type * as grpc from '@grpc/grpc-js';
import {
  CONTACT_PRIVACY_PROTO,
  PERSONAL_DATA_PROTO,
  type ContactPrivacyProtoGrpcType,
  type PersonalDataProtoGrpcType,
  type privacyV1,
} from '@kith/contracts';
import { createClient, loadProto } from '@kith/grpc-kit';
import type { UpstreamAnswer } from '../domain/personal-data-export';
import { callUpstream, type RequestContext } from './upstream-call';
import type { UpstreamOptions } from './upstream-call';

export interface PersonalDataUpstream {
  /** The key of its part in the export ("contact", "interaction"...). */
  readonly name: string;
  export(contactId: string, ctx: RequestContext): Promise<UpstreamAnswer>;
  close?(): void;
}

export interface ContactPrivacyGateway {
  erase(
    req: privacyV1.EraseContactRequest,
    ctx: RequestContext,
  ): Promise<privacyV1.EraseContactResponse__Output>;
}

export class GrpcPersonalDataUpstream implements PersonalDataUpstream {
  private readonly client: privacyV1.PersonalDataServiceClient;

  constructor(
    readonly name: string,
    private readonly opts: UpstreamOptions,
  ) {
    const proto = loadProto(PERSONAL_DATA_PROTO) as unknown as PersonalDataProtoGrpcType;
    this.client = createClient(proto.kith.privacy.v1.PersonalDataService, opts.address);
  }

  async export(contactId: string, ctx: RequestContext): Promise<UpstreamAnswer> {
    const res = await callUpstream<privacyV1.ExportPersonalDataResponse__Output>(
      this.client as unknown as grpc.Client,
      'ExportPersonalData',
      { contactId },
      ctx,
      this.opts,
    );
    return { service: res.service, generatedAt: res.generatedAt, sections: res.sections };
  }

  close(): void {
    (this.client as unknown as grpc.Client).close();
  }
}

export class GrpcContactPrivacyGateway implements ContactPrivacyGateway {
  private readonly client: privacyV1.ContactPrivacyServiceClient;

  constructor(private readonly opts: UpstreamOptions) {
    const proto = loadProto(CONTACT_PRIVACY_PROTO) as unknown as ContactPrivacyProtoGrpcType;
    this.client = createClient(proto.kith.contact.v1.ContactPrivacyService, opts.address);
  }

  erase(req: privacyV1.EraseContactRequest, ctx: RequestContext) {
    return callUpstream<privacyV1.EraseContactResponse__Output>(
      this.client as unknown as grpc.Client,
      'EraseContact',
      req,
      ctx,
      this.opts,
    );
  }

  close(): void {
    (this.client as unknown as grpc.Client).close();
  }
}
