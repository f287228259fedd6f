// Every create RPC of the contact service with the idempotency-key metadata the gateway
// forwards (@kith/idempotency): the same request under one key, sent twice at once and once
// more, answers one record under one id; another request under the key is FAILED_PRECONDITION
// and stores nothing. Against the real servers.
import * as grpc from '@grpc/grpc-js';
import {
  CONTACT_IMPORT_PROTO,
  CONTACT_PROTO,
  CUSTOM_FIELD_PROTO,
  HOUSEHOLD_PROTO,
  RELATIONSHIP_PROTO,
} from '@kith/contracts';
import { callUnary, createClient, loadProto, readErrorInfo } from '@kith/grpc-kit';
import { IDEMPOTENCY_KEY_REUSED } from '@kith/idempotency';
import { testInfra } from '@kith/testkit';
import mongoose from 'mongoose';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

let running: TestContactService;
let mongo: mongoose.mongo.MongoClient;
const clients = new Map<string, grpc.Client>();

beforeAll(async () => {
  running = await startContactService('idempotent-creates');
  mongo = await new mongoose.mongo.MongoClient(testInfra().mongoUrl).connect();
});

afterAll(async () => {
  for (const client of clients.values()) client.close();
  await mongo?.close();
  await running?.stop();
});

type Package = { kith: { contact: { v1: Record<string, grpc.ServiceClientConstructor> } } };

function clientOf(protoFile: string, service: string): grpc.Client {
  const known = clients.get(service);
  if (known) return known;
  const proto = loadProto(protoFile) as unknown as Package;
  const Service = proto.kith.contact.v1[service];
  if (!Service) throw new Error(`${protoFile} has no ${service}`);
  const client = createClient<grpc.Client>(Service, `127.0.0.1:${running.service.grpcPort}`);
  clients.set(service, client);
  return client;
}

interface CreateRpc {
  what: string;
  proto: string;
  service: string;
  method: string;
  /** The stored collection, and how its documents of one record are found. */
  collection: string;
  /** Arranges what the create needs in the tenant and answers its request. */
  request(tenant: string): Promise<Record<string, unknown>>;
  /** The same create asking for something else. */
  other(request: Record<string, unknown>): Record<string, unknown>;
  idOf(answer: Record<string, { id?: string; code?: string }>): string;
}

const person = { kind: 'CONTACT_KIND_PERSON', fields: { person: { firstName: 'Kim' } } };

const call = <Res>(
  rpc: Pick<CreateRpc, 'proto' | 'service' | 'method'>,
  tenant: string,
  req: object,
  key?: string,
) =>
  callUnary<Res>(clientOf(rpc.proto, rpc.service), rpc.method, req, {
    tenantId: tenant,
    userId: 'u-1',
    roles: ['admin'],
    ...(key ? { idempotencyKey: key } : {}),
  });

const createContact = { proto: CONTACT_PROTO, service: 'ContactService', method: 'CreateContact' };

const RPCS: CreateRpc[] = [
  {
    what: 'a contact',
    ...createContact,
    collection: 'contacts',
    request: async () => person,
    other: () => ({ ...person, fields: { person: { firstName: 'Lee' } } }),
    idOf: (answer) => answer.contact?.id ?? '',
  },
  {
    what: 'a household',
    proto: HOUSEHOLD_PROTO,
    service: 'HouseholdService',
    method: 'CreateHousehold',
    collection: 'households',
    request: async () => ({ nameOverride: 'The Kims' }),
    other: () => ({ nameOverride: 'The Lees' }),
    idOf: (answer) => answer.household?.id ?? '',
  },
  {
    what: 'a relationship',
    proto: RELATIONSHIP_PROTO,
    service: 'RelationshipService',
    method: 'CreateRelationship',
    collection: 'relationships',
    async request(tenant) {
      const [a, b, c] = await Promise.all(
        [1, 2, 3].map(() =>
          call<{ contact: { id: string } }>(createContact, tenant, person).then(
            (r) => r.contact.id,
          ),
        ),
      );
      return { typeCode: 'spouse-of', contactAId: a, contactBId: b, other: c };
    },
    other: ({ other, ...req }) => ({ ...req, contactBId: other }),
    idOf: (answer) => answer.relationship?.id ?? '',
  },
  {
    what: 'a custom field',
    proto: CUSTOM_FIELD_PROTO,
    service: 'CustomFieldService',
    method: 'CreateCustomField',
    collection: 'custom_fields',
    request: async () => ({
      recordType: 'person',
      key: 'shoe_size',
      spec: { label: 'Shoe size', type: 'number' },
    }),
    other: (req) => ({ ...req, spec: { label: 'Shoe', type: 'text' } }),
    idOf: (answer) => answer.customField?.id ?? '',
  },
  {
    what: 'a relationship type',
    proto: RELATIONSHIP_PROTO,
    service: 'RelationshipService',
    method: 'UpsertRelationshipType',
    collection: 'relationship_types',
    request: async () => ({
      code: 'coach-of',
      expectedVersion: '0',
      labelAToB: 'coach of',
      labelBToA: 'coached by',
      contactKindA: 'person',
      contactKindB: 'person',
    }),
    other: (req) => ({ ...req, labelAToB: 'trainer of' }),
    idOf: (answer) => answer.relationshipType?.code ?? '',
  },
  {
    what: 'an import job',
    proto: CONTACT_IMPORT_PROTO,
    service: 'ContactImportService',
    method: 'StartContactImport',
    collection: 'contact_imports',
    request: async () => ({ kind: 'CONTACT_KIND_PERSON', onDuplicate: 'DUPLICATE_ACTION_SKIP' }),
    other: (req) => ({ ...req, dryRun: true }),
    idOf: (answer) => answer.job?.id ?? '',
  },
];

const storedIn = (collection: string, tenantId: string) =>
  mongo.db(running.dbName).collection(collection).countDocuments({ tenantId });

describe.each(RPCS)('$method with an idempotency-key', (rpc) => {
  it(`stores ${rpc.what} once and answers it again, also to a retry sent at the same time`, async () => {
    const tenant = newTenant();
    const { other: _other, ...req } = await rpc.request(tenant);
    const key = `key-${rpc.method}`;

    const answers = await Promise.all([call(rpc, tenant, req, key), call(rpc, tenant, req, key)]);
    const again = await call(rpc, tenant, req, key);

    const ids = [...answers, again].map((a) => rpc.idOf(a as Parameters<CreateRpc['idOf']>[0]));
    expect(ids[0]).not.toBe('');
    expect(new Set(ids).size).toBe(1);
    expect(await storedIn(rpc.collection, tenant)).toBe(1);
  });

  it(`refuses another request under the key with FAILED_PRECONDITION and stores nothing more`, async () => {
    const tenant = newTenant();
    const arranged = await rpc.request(tenant);
    const { other: _other, ...req } = arranged;
    const key = `key-${rpc.method}`;
    await call(rpc, tenant, req, key);

    const refused = await call(rpc, tenant, rpc.other(arranged), key).then(
      () => undefined,
      (err: grpc.ServiceError) => err,
    );

    expect(refused?.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(refused && readErrorInfo(refused)?.reason).toBe(IDEMPOTENCY_KEY_REUSED);
    expect(await storedIn(rpc.collection, tenant)).toBe(1);
  });
});

describe('CreateContact with the key of a contact since deleted', () => {
  it('refuses to store a second contact, with ALREADY_EXISTS', async () => {
    const tenant = newTenant();
    const key = 'key-deleted-since';
    const created = await call<{ contact: { id: string } }>(createContact, tenant, person, key);
    const deleteContact = { ...createContact, method: 'DeleteContact' };
    await call(deleteContact, tenant, { id: created.contact.id, expectedVersion: '1' });

    const retried = await call(createContact, tenant, person, key).then(
      () => undefined,
      (err: grpc.ServiceError) => err,
    );

    expect(retried?.code).toBe(grpc.status.ALREADY_EXISTS);
    expect(await storedIn('contacts', tenant)).toBe(1);
  });
});
