// /v1/households and /v1/contacts/{id}/household, each operation declared once for Express
// and OpenAPI. Same rules as the contact routes: If-Match versions on every change (428
// missing, 409 stale), Idempotency-Key on the create, cursor pagination, and a foreign
// tenant's id answering 404 (the service's NOT_FOUND). Households reuse the contact
// permissions: a household is a kind of contact.
import { NO_CONTACTS } from '../../domain/idempotency';
import { required } from '../../grpc/upstream-client';
import type { Operation } from '../../http/operation';
import {
  createOperation,
  listOperation,
  readOperation,
  versionedOperation,
} from '../../http/resource-operations';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { HouseholdClient } from './contact.client';
import {
  createHouseholdRequest,
  toHouseholdResource,
  updateHouseholdRequest,
} from './household.mapper';
import {
  AddMemberBodySchema,
  CreateHouseholdBodySchema,
  HouseholdListQuerySchema,
  HouseholdPageSchema,
  HouseholdSchema,
  MemberParamsSchema,
  PatchHouseholdBodySchema,
} from './household.schema';

export const HOUSEHOLDS_PATH = '/households';

const tags = ['Households'];
const household = (description: string) => ({ schema: HouseholdSchema, description });
const one = (res: { household: Parameters<typeof toHouseholdResource>[0] | null }) =>
  toHouseholdResource(required(res.household, 'a household'));

export function householdOperations(households: HouseholdClient): Operation[] {
  return [
    listOperation({
      path: HOUSEHOLDS_PATH,
      operationId: 'listHouseholds',
      summary: 'List households',
      description: 'Cursor-paginated, in creation order.',
      tags,
      permission: 'contact:read',
      query: HouseholdListQuerySchema,
      scope: 'household',
      page: { schema: HouseholdPageSchema, description: 'A page of households.' },
      async list({ query, ctx }, pageToken) {
        const page = await households.ListHouseholds({ pageSize: query.limit, pageToken }, ctx);
        return {
          data: page.households.map(toHouseholdResource),
          nextPageToken: page.nextPageToken,
        };
      },
    }),
    createOperation({
      path: HOUSEHOLDS_PATH,
      operationId: 'createHousehold',
      summary: 'Create a household',
      description:
        'Starts without members ("Unnamed Household"); add people with POST ' +
        '/v1/households/{id}/members.',
      tags,
      permission: 'contact:write',
      body: CreateHouseholdBodySchema,
      bodyRequired: false,
      // A new household has no members yet: its response names no contact.
      idempotent: NO_CONTACTS,
      answer: household('Created.'),
      async create({ body, ctx }) {
        return one(await households.CreateHousehold(createHouseholdRequest(body), ctx));
      },
    }),
    readOperation({
      path: `${HOUSEHOLDS_PATH}/{id}`,
      operationId: 'getHousehold',
      summary: 'Read a household',
      description: 'Members include former ones (leftAt set).',
      tags,
      permission: 'contact:read',
      params: IdParamsSchema,
      answer: household('The household.'),
      async read({ params, ctx }) {
        return one(await households.GetHousehold({ id: params.id }, ctx));
      },
    }),
    versionedOperation({
      method: 'patch',
      path: `${HOUSEHOLDS_PATH}/{id}`,
      operationId: 'updateHousehold',
      summary: 'Change overrides or the mailing address',
      description:
        'Merge patch guarded by If-Match. An override sticks until cleared with null; then ' +
        'the generated name or greeting comes back.',
      tags,
      permission: 'contact:write',
      params: IdParamsSchema,
      body: PatchHouseholdBodySchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: household('The changed household.'),
      async write({ params, version, body, ctx }) {
        const req = updateHouseholdRequest(params.id, version, body);
        return one(await households.UpdateHousehold(req, ctx));
      },
    }),
    versionedOperation({
      method: 'delete',
      path: `${HOUSEHOLDS_PATH}/{id}`,
      operationId: 'deleteHousehold',
      summary: 'Delete a household (soft)',
      description:
        'Every current member leaves (kept as history) and may join another household. ' +
        'Guarded by If-Match.',
      tags,
      permission: 'contact:delete',
      params: IdParamsSchema,
      answer: household('The deleted household.'),
      async write({ params, version, ctx }) {
        const req = { id: params.id, expectedVersion: String(version) };
        return one(await households.DeleteHousehold(req, ctx));
      },
    }),
    versionedOperation({
      method: 'post',
      path: `${HOUSEHOLDS_PATH}/{id}/members`,
      operationId: 'addHouseholdMember',
      summary: 'Add a person to a household',
      description:
        'A person belongs to at most one household: 409 when they are in one already. 422 ' +
        'when contactId is not a live person of your tenant (e.g. an organization). The names ' +
        'are generated again. Guarded by If-Match.',
      tags,
      permission: 'contact:write',
      params: IdParamsSchema,
      body: AddMemberBodySchema,
      answer: household('The household with the new member.'),
      async write({ params, version, body, ctx }) {
        const req = { householdId: params.id, expectedVersion: String(version), ...body };
        return one(await households.AddHouseholdMember(req, ctx));
      },
    }),
    versionedOperation({
      method: 'delete',
      path: `${HOUSEHOLDS_PATH}/{id}/members/{contactId}`,
      operationId: 'removeHouseholdMember',
      summary: 'Remove a person from a household',
      description:
        'The member stays in members with leftAt set (history); the names are generated ' +
        'again. Guarded by If-Match.',
      tags,
      permission: 'contact:write',
      params: MemberParamsSchema,
      answer: household('The household after the person left.'),
      async write({ params, version, ctx }) {
        const req = {
          householdId: params.id,
          expectedVersion: String(version),
          contactId: params.contactId,
        };
        return one(await households.RemoveHouseholdMember(req, ctx));
      },
    }),
    readOperation({
      path: '/contacts/{id}/household',
      operationId: 'getContactHousehold',
      summary: "A person's current household",
      description: '404 when the person is in no household.',
      tags,
      permission: 'contact:read',
      params: IdParamsSchema,
      answer: household('The household.'),
      async read({ params, ctx }) {
        return one(await households.GetContactHousehold({ contactId: params.id }, ctx));
      },
    }),
  ];
}
