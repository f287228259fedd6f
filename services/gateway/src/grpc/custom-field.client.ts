// The gateway's view of kith.contact.v1.CustomFieldService (served by the contact service at
// CONTACT_GRPC_ADDRESS): an interface the HTTP layer depends on (unit tests pass a fake) and
// its gRPC implementation, with the same metadata, deadline and trace rules as contacts.
import type * as grpc from '@grpc/grpc-js';
import { CUSTOM_FIELD_PROTO } from '@kith/contracts';
import type { CustomFieldProtoGrpcType, customFieldV1 } from '@kith/contracts';
import { createClient, loadProto } from '@kith/grpc-kit';
import { callUpstream } from './upstream-call';
import type { UpstreamOptions } from './upstream-call';
import type { RequestContext } from './upstream-call';

type Field = customFieldV1.CustomField__Output;

export interface CustomFieldGateway {
  list(
    req: customFieldV1.ListCustomFieldsRequest,
    ctx: RequestContext,
  ): Promise<customFieldV1.ListCustomFieldsResponse__Output>;
  get(recordType: string, key: string, ctx: RequestContext): Promise<Field>;
  create(req: customFieldV1.CreateCustomFieldRequest, ctx: RequestContext): Promise<Field>;
  update(req: customFieldV1.UpdateCustomFieldRequest, ctx: RequestContext): Promise<Field>;
  archive(req: customFieldV1.ArchiveCustomFieldRequest, ctx: RequestContext): Promise<Field>;
}

export class GrpcCustomFieldGateway implements CustomFieldGateway {
  private readonly client: customFieldV1.CustomFieldServiceClient;

  constructor(private readonly opts: UpstreamOptions) {
    const proto = loadProto(CUSTOM_FIELD_PROTO) as unknown as CustomFieldProtoGrpcType;
    this.client = createClient<customFieldV1.CustomFieldServiceClient>(
      proto.kith.contact.v1.CustomFieldService,
      opts.address,
    );
  }

  list(req: customFieldV1.ListCustomFieldsRequest, ctx: RequestContext) {
    return this.call<customFieldV1.ListCustomFieldsResponse__Output>('ListCustomFields', req, ctx);
  }

  get(recordType: string, key: string, ctx: RequestContext) {
    return this.field('GetCustomField', { recordType, key }, ctx);
  }

  create(req: customFieldV1.CreateCustomFieldRequest, ctx: RequestContext) {
    return this.field('CreateCustomField', req, ctx);
  }

  update(req: customFieldV1.UpdateCustomFieldRequest, ctx: RequestContext) {
    return this.field('UpdateCustomField', req, ctx);
  }

  archive(req: customFieldV1.ArchiveCustomFieldRequest, ctx: RequestContext) {
    return this.field('ArchiveCustomField', req, ctx);
  }

  close(): void {
    (this.client as grpc.Client).close();
  }

  private async field(method: string, request: object, ctx: RequestContext): Promise<Field> {
    const res = await this.call<{ customField: Field | null }>(method, request, ctx);
    // proto3 messages are never absent on the wire; a missing one is an upstream bug.
    if (!res.customField) throw new Error(`${method} answered without a custom field`);
    return res.customField;
  }

  private call<Res>(method: string, request: object, ctx: RequestContext): Promise<Res> {
    return callUpstream<Res>(this.client as grpc.Client, method, request, ctx, this.opts);
  }
}
