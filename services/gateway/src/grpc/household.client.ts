// The gateway's view of HouseholdService (served by the contact service process at the same
// CONTACT_GRPC_ADDRESS): an interface the HTTP layer depends on (unit tests pass a fake) and
// its gRPC implementation. Calls carry the same metadata, deadline and trace as contact calls.
import type * as grpc from '@grpc/grpc-js';
import { HOUSEHOLD_PROTO } from '@kith/contracts';
import type { HouseholdProtoGrpcType, householdV1 } from '@kith/contracts';
import { createClient, loadProto } from '@kith/grpc-kit';
import { callUpstream } from './upstream-call';
import type { UpstreamOptions } from './upstream-call';
import type { RequestContext } from './contact.client';

export type HouseholdMessage = householdV1.Household__Output;

export interface HouseholdGateway {
  create(req: householdV1.CreateHouseholdRequest, ctx: RequestContext): Promise<HouseholdMessage>;
  get(id: string, ctx: RequestContext): Promise<HouseholdMessage>;
  update(req: householdV1.UpdateHouseholdRequest, ctx: RequestContext): Promise<HouseholdMessage>;
  delete(req: householdV1.DeleteHouseholdRequest, ctx: RequestContext): Promise<HouseholdMessage>;
  list(
    req: householdV1.ListHouseholdsRequest,
    ctx: RequestContext,
  ): Promise<householdV1.ListHouseholdsResponse__Output>;
  addMember(
    req: householdV1.AddHouseholdMemberRequest,
    ctx: RequestContext,
  ): Promise<HouseholdMessage>;
  removeMember(
    req: householdV1.RemoveHouseholdMemberRequest,
    ctx: RequestContext,
  ): Promise<HouseholdMessage>;
  getContactHousehold(contactId: string, ctx: RequestContext): Promise<HouseholdMessage>;
}

export class GrpcHouseholdGateway implements HouseholdGateway {
  private readonly client: householdV1.HouseholdServiceClient;

  constructor(private readonly opts: UpstreamOptions) {
    const proto = loadProto(HOUSEHOLD_PROTO) as unknown as HouseholdProtoGrpcType;
    this.client = createClient<householdV1.HouseholdServiceClient>(
      proto.kith.contact.v1.HouseholdService,
      opts.address,
    );
  }

  create(req: householdV1.CreateHouseholdRequest, ctx: RequestContext) {
    return this.one('CreateHousehold', req, ctx);
  }

  get(id: string, ctx: RequestContext) {
    return this.one('GetHousehold', { id }, ctx);
  }

  update(req: householdV1.UpdateHouseholdRequest, ctx: RequestContext) {
    return this.one('UpdateHousehold', req, ctx);
  }

  delete(req: householdV1.DeleteHouseholdRequest, ctx: RequestContext) {
    return this.one('DeleteHousehold', req, ctx);
  }

  list(req: householdV1.ListHouseholdsRequest, ctx: RequestContext) {
    return this.call<householdV1.ListHouseholdsResponse__Output>('ListHouseholds', req, ctx);
  }

  addMember(req: householdV1.AddHouseholdMemberRequest, ctx: RequestContext) {
    return this.one('AddHouseholdMember', req, ctx);
  }

  removeMember(req: householdV1.RemoveHouseholdMemberRequest, ctx: RequestContext) {
    return this.one('RemoveHouseholdMember', req, ctx);
  }

  getContactHousehold(contactId: string, ctx: RequestContext) {
    return this.one('GetContactHousehold', { contactId }, ctx);
  }

  close(): void {
    (this.client as grpc.Client).close();
  }

  private async one(method: string, request: object, ctx: RequestContext) {
    const res = await this.call<{ household: HouseholdMessage | null }>(method, request, ctx);
    // proto3 messages are never absent on the wire; a missing one is an upstream bug.
    if (!res.household) throw new Error(`${method} answered without a household`);
    return res.household;
  }

  private call<Res>(method: string, request: object, ctx: RequestContext): Promise<Res> {
    return callUpstream<Res>(this.client as grpc.Client, method, request, ctx, this.opts);
  }
}
