// OpenAPI registration of the household routes (households.routes.ts), from the same zod
// schemas that validate their requests. Called by openApiDocument().
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { etagHeader, json, problems, rolesNote } from '../../http/openapi-kit';
import {
  IdParamsSchema,
  IdempotencyHeadersSchema,
  IfMatchHeadersSchema,
} from '../../http/schemas/parameters.schema';
import {
  AddMemberBodySchema,
  CreateHouseholdBodySchema,
  HouseholdListQuerySchema,
  HouseholdPageSchema,
  HouseholdSchema,
  MemberParamsSchema,
  PatchHouseholdBodySchema,
} from './household.schema';

const TAG = 'Households';

export function registerHouseholdRoutes(registry: OpenAPIRegistry): void {
  const one = (description: string) => json(HouseholdSchema, description, etagHeader);
  const routes: RouteConfig[] = [
    {
      method: 'get',
      path: '/households',
      operationId: 'listHouseholds',
      summary: 'List households',
      description: `Cursor-paginated, in creation order. ${rolesNote('contact:read')}`,
      request: { query: HouseholdListQuerySchema },
      responses: { 200: json(HouseholdPageSchema, 'A page of households.'), ...problems(400, 403) },
    },
    {
      method: 'post',
      path: '/households',
      operationId: 'createHousehold',
      summary: 'Create a household',
      description:
        'Starts without members ("Unnamed Household"); add people with POST ' +
        `/v1/households/{id}/members. ${rolesNote('contact:write')}`,
      request: {
        headers: IdempotencyHeadersSchema,
        body: {
          required: false,
          content: { 'application/json': { schema: CreateHouseholdBodySchema } },
        },
      },
      responses: {
        201: one('Created.'),
        ...problems(400, 403, 409, 413, 415, 422),
      },
    },
    {
      method: 'get',
      path: '/households/{id}',
      operationId: 'getHousehold',
      summary: 'Read a household',
      description: `Members include former ones (leftAt set). ${rolesNote('contact:read')}`,
      request: { params: IdParamsSchema },
      responses: { 200: one('The household.'), ...problems(400, 403, 404) },
    },
    {
      method: 'patch',
      path: '/households/{id}',
      operationId: 'updateHousehold',
      summary: 'Change overrides or the mailing address',
      description:
        'Merge patch guarded by If-Match. An override sticks until cleared with null; then ' +
        `the generated name or greeting comes back. ${rolesNote('contact:write')}`,
      request: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: {
          required: true,
          content: {
            'application/json': { schema: PatchHouseholdBodySchema },
            'application/merge-patch+json': { schema: PatchHouseholdBodySchema },
          },
        },
      },
      responses: { 200: one('The changed household.'), ...problems(400, 403, 404, 409, 422, 428) },
    },
    {
      method: 'delete',
      path: '/households/{id}',
      operationId: 'deleteHousehold',
      summary: 'Delete a household (soft)',
      description:
        'Every current member leaves (kept as history) and may join another household. ' +
        `Guarded by If-Match. ${rolesNote('contact:delete')}`,
      request: { params: IdParamsSchema, headers: IfMatchHeadersSchema },
      responses: { 200: one('The deleted household.'), ...problems(400, 403, 404, 409, 422, 428) },
    },
    {
      method: 'post',
      path: '/households/{id}/members',
      operationId: 'addHouseholdMember',
      summary: 'Add a person to a household',
      description:
        'A person belongs to at most one household: 409 when they are in one already. 422 ' +
        'when contactId is not a live person of your tenant (e.g. an organization). The names ' +
        `are generated again. Guarded by If-Match. ${rolesNote('contact:write')}`,
      request: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: { required: true, content: { 'application/json': { schema: AddMemberBodySchema } } },
      },
      responses: {
        200: one('The household with the new member.'),
        ...problems(400, 403, 404, 409, 422, 428),
      },
    },
    {
      method: 'delete',
      path: '/households/{id}/members/{contactId}',
      operationId: 'removeHouseholdMember',
      summary: 'Remove a person from a household',
      description:
        'The member stays in members with leftAt set (history); the names are generated ' +
        `again. Guarded by If-Match. ${rolesNote('contact:write')}`,
      request: { params: MemberParamsSchema, headers: IfMatchHeadersSchema },
      responses: {
        200: one('The household after the person left.'),
        ...problems(400, 403, 404, 409, 422, 428),
      },
    },
    {
      method: 'get',
      path: '/contacts/{id}/household',
      operationId: 'getContactHousehold',
      summary: "A person's current household",
      description: `404 when the person is in no household. ${rolesNote('contact:read')}`,
      request: { params: IdParamsSchema },
      responses: { 200: one('The household.'), ...problems(400, 403, 404) },
    },
  ];
  for (const route of routes) {
    registry.registerPath({ ...route, tags: [TAG], path: `/v1${route.path}` });
  }
}
