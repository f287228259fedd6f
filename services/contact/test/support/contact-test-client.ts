// A real gRPC client for the contact service, for integration tests: every call goes over
// the network with tenant metadata, exactly as the gateway will call it.
import type * as grpc from '@grpc/grpc-js';
import { CONTACT_PROTO, type ContactProtoGrpcType, type contactV1 } from '@kith/contracts';
import {
  callUnary,
  createClient,
  isServiceError,
  loadProto,
  readFieldErrors,
} from '@kith/grpc-kit';

export interface ContactTestClient {
  create(tenantId: string, req: contactV1.CreateContactRequest): Promise<contactV1.Contact__Output>;
  get(tenantId: string, id: string): Promise<contactV1.Contact__Output>;
  update(tenantId: string, req: contactV1.UpdateContactRequest): Promise<contactV1.Contact__Output>;
  delete(tenantId: string, id: string, expectedVersion: string): Promise<contactV1.Contact__Output>;
  list(
    tenantId: string,
    req: contactV1.ListContactsRequest,
  ): Promise<contactV1.ListContactsResponse__Output>;
  /** With `idempotencyKey`, sent as `idempotency-key` metadata, as the gateway does. */
  recordConsent(
    tenantId: string,
    req: contactV1.RecordConsentRequest,
    opts?: { idempotencyKey?: string },
  ): Promise<contactV1.RecordConsentResponse__Output>;
  consentHistory(tenantId: string, contactId: string): Promise<contactV1.ConsentRecord__Output[]>;
  audit(tenantId: string, contactId: string): Promise<contactV1.ListContactAuditResponse__Output>;
  /** CreateContact with hand-made metadata (e.g. a chosen traceparent). */
  createWithMetadata(
    req: contactV1.CreateContactRequest,
    metadata: grpc.Metadata,
  ): Promise<contactV1.Contact__Output>;
  close(): void;
}

export function contactTestClient(port: number): ContactTestClient {
  const proto = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
  const client = createClient<contactV1.ContactServiceClient>(
    proto.kith.contact.v1.ContactService,
    `127.0.0.1:${port}`,
  );
  const call = async <Res extends { contact?: contactV1.Contact__Output | null }>(
    method: string,
    tenantId: string,
    req: unknown,
  ): Promise<contactV1.Contact__Output> => {
    const res = await callUnary<Res>(client, method, req, { tenantId, userId: 'u-1', roles: [] });
    if (!res.contact) throw new Error(`${method} answered without a contact`);
    return res.contact;
  };
  return {
    create: (tenantId, req) => call('CreateContact', tenantId, req),
    get: (tenantId, id) => call('GetContact', tenantId, { id }),
    update: (tenantId, req) => call('UpdateContact', tenantId, req),
    delete: (tenantId, id, expectedVersion) =>
      call('DeleteContact', tenantId, { id, expectedVersion }),
    list: (tenantId, req) =>
      callUnary(client, 'ListContacts', req, { tenantId, userId: 'u-1', roles: [] }),
    recordConsent: (tenantId, req, opts = {}) =>
      callUnary(client, 'RecordConsent', req, { tenantId, userId: 'u-1', roles: [], ...opts }),
    consentHistory: async (tenantId, contactId) =>
      (
        await callUnary<contactV1.ListConsentHistoryResponse__Output>(
          client,
          'ListConsentHistory',
          { contactId },
          { tenantId, userId: 'u-1', roles: [] },
        )
      ).records,
    audit: (tenantId, contactId) =>
      callUnary(client, 'ListContactAudit', { contactId }, { tenantId, userId: 'u-1', roles: [] }),
    createWithMetadata: (req, metadata) =>
      new Promise((resolve, reject) => {
        client.CreateContact(req, metadata, (err, res) => {
          if (err) reject(err);
          else if (!res?.contact) reject(new Error('CreateContact answered without a contact'));
          else resolve(res.contact);
        });
      }),
    close: () => client.close(),
  };
}

/** The gRPC status code and field errors a call failed with. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: grpc.status; fields: string[] }> {
  try {
    await promise;
  } catch (err) {
    if (isServiceError(err)) {
      return { code: err.code, fields: readFieldErrors(err).map((e) => e.field) };
    }
    throw err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
