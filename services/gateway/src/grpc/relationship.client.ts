// The gateway's view of the contact service's RelationshipService (same process and address
// as ContactService): an interface the HTTP layer depends on (unit tests pass a fake) and its
// gRPC implementation. Calls carry the caller's metadata, trace context and a deadline.
import type * as grpc from '@grpc/grpc-js';
import { RELATIONSHIP_PROTO } from '@kith/contracts';
import type { RelationshipProtoGrpcType, relationshipV1 } from '@kith/contracts';
import { createClient, loadProto } from '@kith/grpc-kit';
import { callUpstream } from './upstream-call';
import type { UpstreamOptions } from './upstream-call';
import type { RequestContext } from './upstream-call';

export interface RelationshipGateway {
  listTypes(
    req: relationshipV1.ListRelationshipTypesRequest,
    ctx: RequestContext,
  ): Promise<relationshipV1.ListRelationshipTypesResponse__Output>;
  upsertType(
    req: relationshipV1.UpsertRelationshipTypeRequest,
    ctx: RequestContext,
  ): Promise<relationshipV1.RelationshipType__Output>;
  create(
    req: relationshipV1.CreateRelationshipRequest,
    ctx: RequestContext,
  ): Promise<relationshipV1.Relationship__Output>;
  get(id: string, ctx: RequestContext): Promise<relationshipV1.Relationship__Output>;
  update(
    req: relationshipV1.UpdateRelationshipRequest,
    ctx: RequestContext,
  ): Promise<relationshipV1.Relationship__Output>;
  delete(
    req: relationshipV1.DeleteRelationshipRequest,
    ctx: RequestContext,
  ): Promise<relationshipV1.Relationship__Output>;
  listForContact(
    req: relationshipV1.ListContactRelationshipsRequest,
    ctx: RequestContext,
  ): Promise<relationshipV1.ListContactRelationshipsResponse__Output>;
}

type WithRelationship = { relationship: relationshipV1.Relationship__Output | null };

export class GrpcRelationshipGateway implements RelationshipGateway {
  private readonly client: relationshipV1.RelationshipServiceClient;

  constructor(private readonly opts: UpstreamOptions) {
    const proto = loadProto(RELATIONSHIP_PROTO) as unknown as RelationshipProtoGrpcType;
    this.client = createClient<relationshipV1.RelationshipServiceClient>(
      proto.kith.contact.v1.RelationshipService,
      opts.address,
    );
  }

  listTypes(req: relationshipV1.ListRelationshipTypesRequest, ctx: RequestContext) {
    return this.call<relationshipV1.ListRelationshipTypesResponse__Output>(
      'ListRelationshipTypes',
      req,
      ctx,
    );
  }

  async upsertType(req: relationshipV1.UpsertRelationshipTypeRequest, ctx: RequestContext) {
    const res = await this.call<relationshipV1.UpsertRelationshipTypeResponse__Output>(
      'UpsertRelationshipType',
      req,
      ctx,
    );
    if (!res.relationshipType) throw new Error('contact service answered without a type');
    return res.relationshipType;
  }

  create(req: relationshipV1.CreateRelationshipRequest, ctx: RequestContext) {
    return this.relationshipOf('CreateRelationship', req, ctx);
  }

  get(id: string, ctx: RequestContext) {
    return this.relationshipOf('GetRelationship', { id }, ctx);
  }

  update(req: relationshipV1.UpdateRelationshipRequest, ctx: RequestContext) {
    return this.relationshipOf('UpdateRelationship', req, ctx);
  }

  delete(req: relationshipV1.DeleteRelationshipRequest, ctx: RequestContext) {
    return this.relationshipOf('DeleteRelationship', req, ctx);
  }

  listForContact(req: relationshipV1.ListContactRelationshipsRequest, ctx: RequestContext) {
    return this.call<relationshipV1.ListContactRelationshipsResponse__Output>(
      'ListContactRelationships',
      req,
      ctx,
    );
  }

  close(): void {
    (this.client as grpc.Client).close();
  }

  private async relationshipOf(method: string, req: object, ctx: RequestContext) {
    const res = await this.call<WithRelationship>(method, req, ctx);
    // proto3 messages are never absent on the wire; a missing one is an upstream bug.
    if (!res.relationship) throw new Error('contact service answered without a relationship');
    return res.relationship;
  }

  private call<Res>(method: string, request: object, ctx: RequestContext): Promise<Res> {
    return callUpstream<Res>(this.client as grpc.Client, method, request, ctx, this.opts);
  }
}
