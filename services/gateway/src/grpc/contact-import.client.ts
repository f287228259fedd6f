// The gateway's view of ContactImportService (served by the contact service process at the
// same CONTACT_GRPC_ADDRESS): an interface the HTTP layer depends on (unit tests pass a
// fake) and its gRPC implementation with the same metadata, deadline and trace as contacts.
import type * as grpc from '@grpc/grpc-js';
import { CONTACT_IMPORT_PROTO } from '@kith/contracts';
import type { ContactImportProtoGrpcType, contactImportV1 } from '@kith/contracts';
import { createClient, loadProto } from '@kith/grpc-kit';
import { callUpstream, type RequestContext, type UpstreamOptions } from './upstream-call';

export type ImportJobMessage = contactImportV1.ContactImport__Output;

export interface ContactImportGateway {
  start(
    req: contactImportV1.StartContactImportRequest,
    ctx: RequestContext,
  ): Promise<ImportJobMessage>;
  importRows(
    req: contactImportV1.ImportContactRowsRequest,
    ctx: RequestContext,
  ): Promise<contactImportV1.ImportContactRowsResponse__Output>;
  finish(jobId: string, ctx: RequestContext): Promise<ImportJobMessage>;
  get(jobId: string, ctx: RequestContext): Promise<ImportJobMessage>;
  errors(
    req: contactImportV1.ListContactImportErrorsRequest,
    ctx: RequestContext,
  ): Promise<contactImportV1.ListContactImportErrorsResponse__Output>;
}

export class GrpcContactImportGateway implements ContactImportGateway {
  private readonly client: contactImportV1.ContactImportServiceClient;

  constructor(private readonly opts: UpstreamOptions) {
    const proto = loadProto(CONTACT_IMPORT_PROTO) as unknown as ContactImportProtoGrpcType;
    this.client = createClient<contactImportV1.ContactImportServiceClient>(
      proto.kith.contact.v1.ContactImportService,
      opts.address,
    );
  }

  start(req: contactImportV1.StartContactImportRequest, ctx: RequestContext) {
    return this.job('StartContactImport', req, ctx);
  }

  /** A batch writes up to a thousand contacts: it gets a longer deadline than one read. */
  importRows(req: contactImportV1.ImportContactRowsRequest, ctx: RequestContext) {
    return this.call<contactImportV1.ImportContactRowsResponse__Output>(
      'ImportContactRows',
      req,
      ctx,
      Math.max(this.opts.deadlineMs, 60_000),
    );
  }

  finish(jobId: string, ctx: RequestContext) {
    return this.job('FinishContactImport', { jobId }, ctx);
  }

  get(jobId: string, ctx: RequestContext) {
    return this.job('GetContactImport', { jobId }, ctx);
  }

  errors(req: contactImportV1.ListContactImportErrorsRequest, ctx: RequestContext) {
    return this.call<contactImportV1.ListContactImportErrorsResponse__Output>(
      'ListContactImportErrors',
      req,
      ctx,
    );
  }

  close(): void {
    (this.client as grpc.Client).close();
  }

  private async job(method: string, request: object, ctx: RequestContext) {
    const res = await this.call<{ job: ImportJobMessage | null }>(method, request, ctx);
    if (!res.job) throw new Error(`${method} answered without a job`);
    return res.job;
  }

  private call<Res>(
    method: string,
    request: object,
    ctx: RequestContext,
    deadlineMs = this.opts.deadlineMs,
  ): Promise<Res> {
    return callUpstream<Res>(this.client as grpc.Client, method, request, ctx, {
      ...this.opts,
      deadlineMs,
    });
  }
}
