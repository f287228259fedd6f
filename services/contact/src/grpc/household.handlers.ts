// kith.contact.v1.HouseholdService: translate proto <-> domain, call the use case, nothing
// else. The tenant always comes from call metadata (CallContext), never from the request.
import type { householdV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { HouseholdService } from '../app/household.service';
import type { Household } from '../domain/household';
import { mapContactError } from './contact-error.mapper';
import { unlessNotFound } from './keyed-create.util';
import { versionFromProto } from './contact-proto.mapper';
import {
  createChangesFromProto,
  householdToProto,
  updateChangesFromProto,
} from './household-proto.mapper';

type One = { household: householdV1.Household };

const one = (household: Household): One => ({ household: householdToProto(household) });

export function householdHandlers(
  service: HouseholdService,
  logger: Logger,
  creates: IdempotentCreates,
): householdV1.HouseholdServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    CreateHousehold: unaryHandler<householdV1.CreateHouseholdRequest__Output, One>(
      async (req, ctx) => {
        const command = { tenantId: ctx.tenantId, changes: createChangesFromProto(req) };
        const household = await creates.create(ctx, 'HouseholdService/CreateHousehold', req, {
          create: (id) => service.create(command, id),
          find: (id) => unlessNotFound(() => service.get(ctx.tenantId, id)),
        });
        return one(household);
      },
      opts,
    ),

    GetHousehold: unaryHandler<householdV1.GetHouseholdRequest__Output, One>(
      async (req, ctx) => one(await service.get(ctx.tenantId, req.id)),
      opts,
    ),

    UpdateHousehold: unaryHandler<householdV1.UpdateHouseholdRequest__Output, One>(
      async (req, ctx) =>
        one(
          await service.update({
            id: req.id,
            tenantId: ctx.tenantId,
            expectedVersion: versionFromProto(req.expectedVersion),
            changes: updateChangesFromProto(req),
          }),
        ),
      opts,
    ),

    DeleteHousehold: unaryHandler<householdV1.DeleteHouseholdRequest__Output, One>(
      async (req, ctx) =>
        one(
          await service.delete({
            id: req.id,
            tenantId: ctx.tenantId,
            expectedVersion: versionFromProto(req.expectedVersion),
          }),
        ),
      opts,
    ),

    ListHouseholds: unaryHandler<
      householdV1.ListHouseholdsRequest__Output,
      householdV1.ListHouseholdsResponse
    >(async (req, ctx) => {
      const page = await service.list({
        tenantId: ctx.tenantId,
        pageSize: req.pageSize,
        pageToken: req.pageToken,
      });
      return {
        households: page.households.map(householdToProto),
        nextPageToken: page.nextPageToken ?? '',
      };
    }, opts),

    AddHouseholdMember: unaryHandler<householdV1.AddHouseholdMemberRequest__Output, One>(
      async (req, ctx) =>
        one(
          await service.addMember({
            id: req.householdId,
            tenantId: ctx.tenantId,
            expectedVersion: versionFromProto(req.expectedVersion),
            member: {
              contactId: req.contactId,
              role: req.role,
              inheritsAddress: req.inheritsAddress,
            },
          }),
        ),
      opts,
    ),

    RemoveHouseholdMember: unaryHandler<householdV1.RemoveHouseholdMemberRequest__Output, One>(
      async (req, ctx) =>
        one(
          await service.removeMember({
            id: req.householdId,
            tenantId: ctx.tenantId,
            expectedVersion: versionFromProto(req.expectedVersion),
            contactId: req.contactId,
          }),
        ),
      opts,
    ),

    GetContactHousehold: unaryHandler<householdV1.GetContactHouseholdRequest__Output, One>(
      async (req, ctx) => one(await service.getContactHousehold(ctx.tenantId, req.contactId)),
      opts,
    ),
  };
}
