// /v1/custom-fields: definitions of the tenant's custom fields, per record type, each
// operation declared once for Express and OpenAPI. Reading needs custom-field:read;
// defining, changing and archiving need custom-field:manage. DELETE archives (stored values
// stay). Versions travel in If-Match like /v1/contacts.
import { NO_CONTACTS } from '../../domain/idempotency';
import { required } from '../../grpc/upstream-client';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { etagHeader, json, problems } from '../../http/openapi-kit';
import { createOperation, readOperation, versionedOperation } from '../../http/resource-operations';
import { listing } from '../../http/route-helpers';
import type { CustomFieldClient } from './contact.client';
import { specToProto, toCustomFieldResource, updateRequestOf } from './custom-field.mapper';
import type { CustomFieldResource } from './custom-field.mapper';
import {
  CreateCustomFieldBodySchema,
  CustomFieldListQuerySchema,
  CustomFieldPageSchema,
  CustomFieldParamsSchema,
  CustomFieldSchema,
  PatchCustomFieldBodySchema,
} from './custom-field.schema';

const PATH = '/custom-fields';
const ITEM = `${PATH}/{recordType}/{key}`;
const tags = ['Custom fields'];
const definition = (description: string) => ({ schema: CustomFieldSchema, description });
const one = (res: { customField: Parameters<typeof toCustomFieldResource>[0] | null }) =>
  toCustomFieldResource(required(res.customField, 'a custom field'));

export function customFieldOperations(customFields: CustomFieldClient): Operation[] {
  return [
    defineOperation({
      method: 'get',
      path: PATH,
      operationId: 'listCustomFields',
      summary: 'List custom field definitions',
      description: 'In record type, then key order; archived ones only with includeArchived=true.',
      tags,
      permission: 'custom-field:read',
      before: [listing('the custom field list')],
      query: CustomFieldListQuerySchema,
      responses: {
        200: json(CustomFieldPageSchema, 'A page of definitions.'),
        ...problems(400, 403),
      },
      async handle({ query, ctx, res }) {
        // The service's page token is bound to the listing (record type, archived) already.
        const page = await customFields.ListCustomFields(
          {
            recordType: query.recordType ?? '',
            includeArchived: query.includeArchived,
            pageSize: query.limit,
            pageToken: query.cursor ?? '',
          },
          ctx,
        );
        res.json({
          data: page.customFields.map(toCustomFieldResource),
          nextCursor: page.nextPageToken || null,
        });
      },
    }),
    createOperation({
      path: PATH,
      operationId: 'createCustomField',
      summary: 'Define a custom field',
      description:
        'The key is unique per record type and never reused, even after archiving (409).',
      tags,
      permission: 'custom-field:manage',
      body: CreateCustomFieldBodySchema,
      idempotent: NO_CONTACTS,
      answer: {
        ...definition('Defined.'),
        headers: {
          ...etagHeader,
          Location: { description: 'URL of the definition.', schema: { type: 'string' } },
        },
      },
      location: (created: CustomFieldResource) => `/v1${PATH}/${created.recordType}/${created.key}`,
      async create({ body: { recordType, key, ...spec }, ctx }) {
        const request = { recordType, key, spec: specToProto(spec) };
        return one(await customFields.CreateCustomField(request, ctx));
      },
    }),
    readOperation({
      path: ITEM,
      operationId: 'getCustomField',
      summary: 'Read a custom field definition',
      description: 'Archived definitions still read.',
      tags,
      permission: 'custom-field:read',
      params: CustomFieldParamsSchema,
      answer: definition('The definition.'),
      async read({ params, ctx }) {
        return one(await customFields.GetCustomField(params, ctx));
      },
    }),
    versionedOperation({
      method: 'patch',
      path: ITEM,
      operationId: 'updateCustomField',
      summary: 'Change a custom field definition',
      description:
        'Merge patch guarded by If-Match. A different type, a removed option or a change to ' +
        'an archived field answers 422.',
      tags,
      permission: 'custom-field:manage',
      params: CustomFieldParamsSchema,
      body: PatchCustomFieldBodySchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: definition('The changed definition.'),
      problems: [400, 403, 404, 409, 413, 415, 422, 428],
      async write({ params, version, body, ctx }) {
        const request = updateRequestOf(params.recordType, params.key, version, body);
        return one(await customFields.UpdateCustomField(request, ctx));
      },
    }),
    versionedOperation({
      method: 'delete',
      path: ITEM,
      operationId: 'archiveCustomField',
      summary: 'Archive a custom field',
      description:
        'Stored values stay and still filter; new values are refused. Answers 200 with the ' +
        'archived definition. Guarded by If-Match.',
      tags,
      permission: 'custom-field:manage',
      params: CustomFieldParamsSchema,
      answer: definition('The archived definition.'),
      async write({ params, version, ctx }) {
        const request = { ...params, expectedVersion: String(version) };
        return one(await customFields.ArchiveCustomField(request, ctx));
      },
    }),
  ];
}
