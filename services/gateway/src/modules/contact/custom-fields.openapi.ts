// OpenAPI registration of /v1/custom-fields, from the schemas that validate its requests.
// openapi.ts owns the shared pieces (problems, json, ETag header) and passes them in.
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import {
  IdempotencyHeadersSchema,
  IfMatchHeadersSchema,
} from '../../http/schemas/parameters.schema';
import {
  CreateCustomFieldBodySchema,
  CustomFieldListQuerySchema,
  CustomFieldPageSchema,
  CustomFieldParamsSchema,
  CustomFieldSchema,
  PatchCustomFieldBodySchema,
} from './custom-field.schema';

export interface OpenApiHelpers {
  problems(...statuses: number[]): Record<number, ResponseConfig>;
  json(schema: z.ZodType, description: string, headers?: ResponseConfig['headers']): ResponseConfig;
  etagHeader: NonNullable<ResponseConfig['headers']>;
  readNote: string;
  manageNote: string;
}

export function registerCustomFields(registry: OpenAPIRegistry, h: OpenApiHelpers): void {
  const tags = ['Custom fields'];
  const item = '/custom-fields/{recordType}/{key}';
  const routes: RouteConfig[] = [
    {
      method: 'get',
      path: '/custom-fields',
      tags,
      operationId: 'listCustomFields',
      summary: 'List custom field definitions',
      description: `In record type, then key order; archived ones only with includeArchived=true. ${h.readNote}`,
      request: { query: CustomFieldListQuerySchema },
      responses: {
        200: h.json(CustomFieldPageSchema, 'A page of definitions.'),
        ...h.problems(400, 403),
      },
    },
    {
      method: 'post',
      path: '/custom-fields',
      tags,
      operationId: 'createCustomField',
      summary: 'Define a custom field',
      description:
        'The key is unique per record type and never reused, even after archiving (409). ' +
        h.manageNote,
      request: {
        headers: IdempotencyHeadersSchema,
        body: {
          required: true,
          content: { 'application/json': { schema: CreateCustomFieldBodySchema } },
        },
      },
      responses: {
        201: h.json(CustomFieldSchema, 'Defined.', {
          ...h.etagHeader,
          Location: { description: 'URL of the definition.', schema: { type: 'string' } },
        }),
        ...h.problems(400, 403, 409, 413, 415, 422),
      },
    },
    {
      method: 'get',
      path: item,
      tags,
      operationId: 'getCustomField',
      summary: 'Read a custom field definition',
      description: `Archived definitions still read. ${h.readNote}`,
      request: { params: CustomFieldParamsSchema },
      responses: {
        200: h.json(CustomFieldSchema, 'The definition.', h.etagHeader),
        ...h.problems(400, 403, 404),
      },
    },
    {
      method: 'patch',
      path: item,
      tags,
      operationId: 'updateCustomField',
      summary: 'Change a custom field definition',
      description:
        'Merge patch guarded by If-Match. A different type, a removed option or a change to ' +
        `an archived field answers 422. ${h.manageNote}`,
      request: {
        params: CustomFieldParamsSchema,
        headers: IfMatchHeadersSchema,
        body: {
          required: true,
          content: {
            'application/json': { schema: PatchCustomFieldBodySchema },
            'application/merge-patch+json': { schema: PatchCustomFieldBodySchema },
          },
        },
      },
      responses: {
        200: h.json(CustomFieldSchema, 'The changed definition.', h.etagHeader),
        ...h.problems(400, 403, 404, 409, 413, 415, 422, 428),
      },
    },
    {
      method: 'delete',
      path: item,
      tags,
      operationId: 'archiveCustomField',
      summary: 'Archive a custom field',
      description:
        'Stored values stay and still filter; new values are refused. Answers 200 with the ' +
        `archived definition. Guarded by If-Match. ${h.manageNote}`,
      request: { params: CustomFieldParamsSchema, headers: IfMatchHeadersSchema },
      responses: {
        200: h.json(CustomFieldSchema, 'The archived definition.', h.etagHeader),
        ...h.problems(400, 403, 404, 409, 422, 428),
      },
    },
  ];
  for (const route of routes) registry.registerPath({ ...route, path: `/v1${route.path}` });
}
