// The gateway's view of DuplicateService (served by the contact service process at the same
// CONTACT_GRPC_ADDRESS): an interface the HTTP layer depends on (unit tests pass a fake) and
// its gRPC implementation. Calls carry the same metadata, deadline and trace as contact calls.
import type * as grpc from '@grpc/grpc-js';
import { DUPLICATE_PROTO } from '@kith/contracts';
import type { DuplicateProtoGrpcType, duplicateV1 } from '@kith/contracts';
import { createClient, loadProto } from '@kith/grpc-kit';
import { callUpstream, type RequestContext, type UpstreamOptions } from './upstream-call';

export type MatchingRulesMessage = duplicateV1.MatchingRules__Output;

export interface DuplicateGateway {
  getMatchingRules(ctx: RequestContext): Promise<MatchingRulesMessage>;
  putMatchingRules(
    req: duplicateV1.PutMatchingRulesRequest,
    ctx: RequestContext,
  ): Promise<MatchingRulesMessage>;
  listDuplicates(
    req: duplicateV1.ListDuplicatesRequest,
    ctx: RequestContext,
  ): Promise<duplicateV1.DuplicateMatch__Output[]>;
  scanDuplicates(
    req: duplicateV1.ScanDuplicatesRequest,
    ctx: RequestContext,
  ): Promise<duplicateV1.ScanDuplicatesResponse__Output>;
  merge(
    req: duplicateV1.MergeContactsRequest,
    ctx: RequestContext,
  ): Promise<duplicateV1.MergeContactsResponse__Output>;
}

export class GrpcDuplicateGateway implements DuplicateGateway {
  private readonly client: duplicateV1.DuplicateServiceClient;

  constructor(private readonly opts: UpstreamOptions) {
    const proto = loadProto(DUPLICATE_PROTO) as unknown as DuplicateProtoGrpcType;
    this.client = createClient<duplicateV1.DuplicateServiceClient>(
      proto.kith.contact.v1.DuplicateService,
      opts.address,
    );
  }

  async getMatchingRules(ctx: RequestContext) {
    return this.rules(await this.call('GetMatchingRules', {}, ctx));
  }

  async putMatchingRules(req: duplicateV1.PutMatchingRulesRequest, ctx: RequestContext) {
    return this.rules(await this.call('PutMatchingRules', req, ctx));
  }

  async listDuplicates(req: duplicateV1.ListDuplicatesRequest, ctx: RequestContext) {
    const res = await this.call<duplicateV1.ListDuplicatesResponse__Output>(
      'ListDuplicates',
      req,
      ctx,
    );
    return res.duplicates;
  }

  scanDuplicates(req: duplicateV1.ScanDuplicatesRequest, ctx: RequestContext) {
    return this.call<duplicateV1.ScanDuplicatesResponse__Output>('ScanDuplicates', req, ctx);
  }

  merge(req: duplicateV1.MergeContactsRequest, ctx: RequestContext) {
    return this.call<duplicateV1.MergeContactsResponse__Output>('MergeContacts', req, ctx);
  }

  close(): void {
    (this.client as grpc.Client).close();
  }

  private rules(res: unknown): MatchingRulesMessage {
    const rules = (res as { matchingRules?: MatchingRulesMessage | null }).matchingRules;
    // proto3 messages are never absent on the wire; a missing one is an upstream bug.
    if (!rules) throw new Error('DuplicateService answered without matching rules');
    return rules;
  }

  private call<Res>(method: string, request: object, ctx: RequestContext): Promise<Res> {
    return callUpstream<Res>(this.client as grpc.Client, method, request, ctx, this.opts);
  }
}
