// The gateway's view of the contact service: an interface the HTTP layer depends on (unit
// tests pass a fake) and its gRPC implementation. Every call carries the caller's tenant,
// user, roles, idempotency key and trace context as metadata, and a deadline.
import type * as grpc from '@grpc/grpc-js';
import { CONTACT_PROTO } from '@kith/contracts';
import type { ContactProtoGrpcType, contactV1 } from '@kith/contracts';
import { createClient, loadProto } from '@kith/grpc-kit';
import { callUpstream, forScans, type RequestContext, type UpstreamOptions } from './upstream-call';

export type { RequestContext } from './upstream-call';

export interface ContactGateway {
  create(
    req: contactV1.CreateContactRequest,
    ctx: RequestContext,
  ): Promise<contactV1.Contact__Output>;
  get(id: string, ctx: RequestContext): Promise<contactV1.Contact__Output>;
  update(
    req: contactV1.UpdateContactRequest,
    ctx: RequestContext,
  ): Promise<contactV1.Contact__Output>;
  delete(
    req: contactV1.DeleteContactRequest,
    ctx: RequestContext,
  ): Promise<contactV1.Contact__Output>;
  list(
    req: contactV1.ListContactsRequest,
    ctx: RequestContext,
  ): Promise<contactV1.ListContactsResponse__Output>;
  recordConsent(
    req: contactV1.RecordConsentRequest,
    ctx: RequestContext,
  ): Promise<{ contact: contactV1.Contact__Output; record: contactV1.ConsentRecord__Output }>;
  consentHistory(
    contactId: string,
    ctx: RequestContext,
  ): Promise<contactV1.ConsentRecord__Output[]>;
  audit(
    req: contactV1.ListContactAuditRequest,
    ctx: RequestContext,
  ): Promise<contactV1.ListContactAuditResponse__Output>;
}

export type GrpcContactGatewayOptions = UpstreamOptions;

export class GrpcContactGateway implements ContactGateway {
  private readonly client: contactV1.ContactServiceClient;

  constructor(private readonly opts: GrpcContactGatewayOptions) {
    const proto = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
    this.client = createClient<contactV1.ContactServiceClient>(
      proto.kith.contact.v1.ContactService,
      opts.address,
    );
  }

  async create(req: contactV1.CreateContactRequest, ctx: RequestContext) {
    const res = await this.call<contactV1.CreateContactResponse__Output>('CreateContact', req, ctx);
    return requireContact(res.contact);
  }

  async get(id: string, ctx: RequestContext) {
    const res = await this.call<contactV1.GetContactResponse__Output>('GetContact', { id }, ctx);
    return requireContact(res.contact);
  }

  async update(req: contactV1.UpdateContactRequest, ctx: RequestContext) {
    const res = await this.call<contactV1.UpdateContactResponse__Output>('UpdateContact', req, ctx);
    return requireContact(res.contact);
  }

  async delete(req: contactV1.DeleteContactRequest, ctx: RequestContext) {
    const res = await this.call<contactV1.DeleteContactResponse__Output>('DeleteContact', req, ctx);
    return requireContact(res.contact);
  }

  list(req: contactV1.ListContactsRequest, ctx: RequestContext) {
    return callUpstream<contactV1.ListContactsResponse__Output>(
      this.client as grpc.Client,
      'ListContacts',
      req,
      ctx,
      forScans(this.opts),
    );
  }

  async recordConsent(req: contactV1.RecordConsentRequest, ctx: RequestContext) {
    const res = await this.call<contactV1.RecordConsentResponse__Output>('RecordConsent', req, ctx);
    if (!res.record) throw new Error('contact service answered without a consent record');
    return { contact: requireContact(res.contact), record: res.record };
  }

  async consentHistory(contactId: string, ctx: RequestContext) {
    const res = await this.call<contactV1.ListConsentHistoryResponse__Output>(
      'ListConsentHistory',
      { contactId },
      ctx,
    );
    return res.records;
  }

  audit(req: contactV1.ListContactAuditRequest, ctx: RequestContext) {
    return this.call<contactV1.ListContactAuditResponse__Output>('ListContactAudit', req, ctx);
  }

  close(): void {
    (this.client as grpc.Client).close();
  }

  private call<Res>(method: string, request: object, ctx: RequestContext): Promise<Res> {
    return callUpstream<Res>(this.client as grpc.Client, method, request, ctx, this.opts);
  }
}

function requireContact(contact: contactV1.Contact__Output | null): contactV1.Contact__Output {
  // proto3 messages are never absent on the wire; a missing one is an upstream bug.
  if (!contact) throw new Error('contact service answered without a contact');
  return contact;
}
