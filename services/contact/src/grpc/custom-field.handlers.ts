// kith.contact.v1.CustomFieldService: translate proto <-> domain, call the use case. The
// tenant comes from call metadata only. Errors map through the contact error mapper.
import type { customFieldV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions, versionFromProto } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { CustomFieldService } from '../app/custom-field.service';
import { mapContactError } from './contact-error.mapper';
import { unlessNotFound } from './keyed-create.util';
import { customFieldToProto, specFromProto } from './custom-field-proto.mapper';

export function customFieldHandlers(
  service: CustomFieldService,
  logger: Logger,
  creates: IdempotentCreates,
): customFieldV1.CustomFieldServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  const answer = (d: Parameters<typeof customFieldToProto>[0]) => ({
    customField: customFieldToProto(d),
  });
  return {
    ListCustomFields: unaryHandler<
      customFieldV1.ListCustomFieldsRequest__Output,
      customFieldV1.ListCustomFieldsResponse
    >(async (req, ctx) => {
      const page = await service.list({
        tenantId: ctx.tenantId,
        recordType: req.recordType,
        includeArchived: req.includeArchived,
        pageSize: req.pageSize,
        pageToken: req.pageToken,
      });
      return {
        customFields: page.definitions.map(customFieldToProto),
        nextPageToken: page.nextPageToken ?? '',
      };
    }, opts),

    GetCustomField: unaryHandler<
      customFieldV1.GetCustomFieldRequest__Output,
      customFieldV1.GetCustomFieldResponse
    >(
      async (req, ctx) =>
        answer(
          await service.get({ tenantId: ctx.tenantId, recordType: req.recordType, key: req.key }),
        ),
      opts,
    ),

    CreateCustomField: unaryHandler<
      customFieldV1.CreateCustomFieldRequest__Output,
      customFieldV1.CreateCustomFieldResponse
    >(async (req, ctx) => {
      const ref = { tenantId: ctx.tenantId, recordType: req.recordType, key: req.key };
      // A definition's id follows from its record type and key: the key record names it.
      const definition = await creates.create(
        ctx,
        'CustomFieldService/CreateCustomField',
        req,
        {
          create: () => service.define({ ...ref, spec: specFromProto(req.spec) }),
          find: () => unlessNotFound(() => service.get(ref)),
        },
        `${req.recordType}/${req.key}`,
      );
      return answer(definition);
    }, opts),

    UpdateCustomField: unaryHandler<
      customFieldV1.UpdateCustomFieldRequest__Output,
      customFieldV1.UpdateCustomFieldResponse
    >(
      async (req, ctx) =>
        answer(
          await service.change({
            tenantId: ctx.tenantId,
            recordType: req.recordType,
            key: req.key,
            expectedVersion: versionFromProto(req.expectedVersion),
            spec: specFromProto(req.spec),
            updateMask: req.updateMask?.paths ?? [],
          }),
        ),
      opts,
    ),

    ArchiveCustomField: unaryHandler<
      customFieldV1.ArchiveCustomFieldRequest__Output,
      customFieldV1.ArchiveCustomFieldResponse
    >(
      async (req, ctx) =>
        answer(
          await service.archive({
            tenantId: ctx.tenantId,
            recordType: req.recordType,
            key: req.key,
            expectedVersion: versionFromProto(req.expectedVersion),
          }),
        ),
      opts,
    ),
  };
}
