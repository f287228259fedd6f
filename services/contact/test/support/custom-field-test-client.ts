// A real gRPC client for kith.contact.v1.CustomFieldService, for integration tests.
import {
  CUSTOM_FIELD_PROTO,
  type CustomFieldProtoGrpcType,
  type customFieldV1,
} from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';

type Field = customFieldV1.CustomField__Output;

export interface CustomFieldTestClient {
  create(tenantId: string, req: customFieldV1.CreateCustomFieldRequest): Promise<Field>;
  get(tenantId: string, recordType: string, key: string): Promise<Field>;
  update(tenantId: string, req: customFieldV1.UpdateCustomFieldRequest): Promise<Field>;
  archive(tenantId: string, req: customFieldV1.ArchiveCustomFieldRequest): Promise<Field>;
  list(
    tenantId: string,
    req: customFieldV1.ListCustomFieldsRequest,
  ): Promise<customFieldV1.ListCustomFieldsResponse__Output>;
  close(): void;
}

export function customFieldTestClient(port: number): CustomFieldTestClient {
  const proto = loadProto(CUSTOM_FIELD_PROTO) as unknown as CustomFieldProtoGrpcType;
  const client = createClient<customFieldV1.CustomFieldServiceClient>(
    proto.kith.contact.v1.CustomFieldService,
    `127.0.0.1:${port}`,
  );
  const ctx = (tenantId: string) => ({ tenantId, userId: 'u-1', roles: [] });
  const call = async (method: string, tenantId: string, req: unknown): Promise<Field> => {
    const res = await callUnary<{ customField: Field | null }>(client, method, req, ctx(tenantId));
    if (!res.customField) throw new Error(`${method} answered without a custom field`);
    return res.customField;
  };
  return {
    create: (tenantId, req) => call('CreateCustomField', tenantId, req),
    get: (tenantId, recordType, key) => call('GetCustomField', tenantId, { recordType, key }),
    update: (tenantId, req) => call('UpdateCustomField', tenantId, req),
    archive: (tenantId, req) => call('ArchiveCustomField', tenantId, req),
    list: (tenantId, req) => callUnary(client, 'ListCustomFields', req, ctx(tenantId)),
    close: () => client.close(),
  };
}
