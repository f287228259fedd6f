// kith.contact.v1.RelationshipService: translate proto <-> domain, call the use case, nothing
// else. The tenant always comes from call metadata, never from the request body.
import type { relationshipV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions, versionFromProto } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { RelationshipService } from '../app/relationship.service';
import { mapContactError } from './contact-error.mapper';
import { unlessNotFound } from './keyed-create.util';
import {
  contactKindFilterFromProto,
  contactRelationshipToProto,
  relationshipFieldsFromProto,
  relationshipToProto,
  relationshipTypeToProto,
  typeChangeFromProto,
} from './relationship-proto.mapper';

export function relationshipHandlers(
  service: RelationshipService,
  logger: Logger,
  creates: IdempotentCreates,
): relationshipV1.RelationshipServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    ListRelationshipTypes: unaryHandler<
      relationshipV1.ListRelationshipTypesRequest__Output,
      relationshipV1.ListRelationshipTypesResponse
    >(async (req, ctx) => {
      const page = await service.listTypes(ctx.tenantId, {
        pageSize: req.pageSize,
        pageToken: req.pageToken,
      });
      return {
        relationshipTypes: page.types.map(relationshipTypeToProto),
        nextPageToken: page.nextPageToken ?? '',
      };
    }, opts),

    UpsertRelationshipType: unaryHandler<
      relationshipV1.UpsertRelationshipTypeRequest__Output,
      relationshipV1.UpsertRelationshipTypeResponse
    >(async (req, ctx) => {
      const expectedVersion = versionFromProto(req.expectedVersion);
      const create = {
        tenantId: ctx.tenantId,
        code: req.code,
        labelAToB: req.labelAToB,
        labelBToA: req.labelBToA,
        contactKindA: req.contactKindA,
        contactKindB: req.contactKindB,
        symmetric: req.symmetric,
      };
      // Only a create (no expected version) dedupes on the key; a change carries its version.
      const type =
        expectedVersion === 0
          ? await creates.create(
              ctx,
              'RelationshipService/UpsertRelationshipType',
              req,
              {
                create: () => service.createType(create),
                find: () => service.storedType(ctx.tenantId, req.code),
              },
              req.code,
            )
          : await service.changeType({
              tenantId: ctx.tenantId,
              code: req.code,
              expectedVersion,
              ...typeChangeFromProto(req),
            });
      return { relationshipType: relationshipTypeToProto(type) };
    }, opts),

    CreateRelationship: unaryHandler<
      relationshipV1.CreateRelationshipRequest__Output,
      relationshipV1.CreateRelationshipResponse
    >(async (req, ctx) => {
      const command = {
        tenantId: ctx.tenantId,
        typeCode: req.typeCode,
        contactAId: req.contactAId,
        contactBId: req.contactBId,
        fields: relationshipFieldsFromProto(req.fields),
      };
      const created = await creates.create(ctx, 'RelationshipService/CreateRelationship', req, {
        create: (id) => service.create(command, id),
        find: (id) => unlessNotFound(() => service.get(ctx.tenantId, id)),
      });
      return { relationship: relationshipToProto(created) };
    }, opts),

    GetRelationship: unaryHandler<
      relationshipV1.GetRelationshipRequest__Output,
      relationshipV1.GetRelationshipResponse
    >(
      async (req, ctx) => ({
        relationship: relationshipToProto(await service.get(ctx.tenantId, req.id)),
      }),
      opts,
    ),

    UpdateRelationship: unaryHandler<
      relationshipV1.UpdateRelationshipRequest__Output,
      relationshipV1.UpdateRelationshipResponse
    >(async (req, ctx) => {
      const updated = await service.update({
        id: req.id,
        tenantId: ctx.tenantId,
        expectedVersion: versionFromProto(req.expectedVersion),
        fields: relationshipFieldsFromProto(req.fields),
        updateMask: req.updateMask?.paths ?? [],
      });
      return { relationship: relationshipToProto(updated) };
    }, opts),

    DeleteRelationship: unaryHandler<
      relationshipV1.DeleteRelationshipRequest__Output,
      relationshipV1.DeleteRelationshipResponse
    >(async (req, ctx) => {
      const deleted = await service.delete({
        id: req.id,
        tenantId: ctx.tenantId,
        expectedVersion: versionFromProto(req.expectedVersion),
      });
      return { relationship: relationshipToProto(deleted) };
    }, opts),

    ListContactRelationships: unaryHandler<
      relationshipV1.ListContactRelationshipsRequest__Output,
      relationshipV1.ListContactRelationshipsResponse
    >(async (req, ctx) => {
      const page = await service.listForContact({
        tenantId: ctx.tenantId,
        contactId: req.contactId,
        pageSize: req.pageSize,
        pageToken: req.pageToken,
        includeInactive: req.includeInactive,
        typeCode: req.typeCode,
        contactKind: contactKindFilterFromProto(req.contactKind),
      });
      return {
        relationships: page.views.map((v) => contactRelationshipToProto(v, v.type)),
        nextPageToken: page.nextPageToken ?? '',
      };
    }, opts),
  };
}
