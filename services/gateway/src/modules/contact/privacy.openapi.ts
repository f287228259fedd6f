// OpenAPI registration of the GDPR routes (privacy.routes.ts). Called by openApiDocument().
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { etagHeader, json, problems, rolesNote } from '../../http/openapi-kit';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import {
  ErasureSchema,
  OptionalIfMatchHeadersSchema,
  PersonalDataExportSchema,
} from './privacy.schema';

const TAG = 'Privacy';

export function registerPrivacyRoutes(registry: OpenAPIRegistry): void {
  const routes: RouteConfig[] = [
    {
      method: 'get',
      path: '/contacts/{id}/export',
      operationId: 'exportPersonData',
      summary: 'Subject access: everything Kith holds on a person',
      description:
        'Asks every service that holds personal data, in parallel, and returns one document. ' +
        'All or nothing: if any service fails or times out the answer is 503, never a partial ' +
        `export. Deleted and erased people are exported too. ${rolesNote('contact:export')}`,
      request: { params: IdParamsSchema },
      responses: {
        200: json(PersonalDataExportSchema, 'The export.'),
        ...problems(400, 403, 404),
      },
    },
    {
      method: 'post',
      path: '/contacts/{id}/erase',
      operationId: 'erasePerson',
      summary: 'Erasure: anonymise a person everywhere',
      description:
        'Anonymises the person (the id stays; names, addresses, contact details, dates, tags, ' +
        'custom values and consent wording go; the fact of an opt-out stays as a suppression), ' +
        'scrubs household names, relationship descriptions and the audit trail, and publishes ' +
        'kith.contact.erased.v1 so every service erases its data. Afterwards the person reads ' +
        'as 404. Idempotent: erasing again answers 200 with alreadyErased. 422 for an ' +
        `organization. ${rolesNote('contact:erase')}`,
      request: { params: IdParamsSchema, headers: OptionalIfMatchHeadersSchema },
      responses: {
        200: json(ErasureSchema, 'The erased state.', etagHeader),
        ...problems(400, 403, 404, 409, 422),
      },
    },
  ];
  for (const route of routes) {
    registry.registerPath({ ...route, tags: [TAG], path: `/v1${route.path}` });
  }
}
