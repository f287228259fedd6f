// kith.contact.v1.HouseholdService: translate proto <-> domain, call the use case, nothing
// else. The tenant always comes from call metadata (CallContext), never from the request.
import type { householdV1 } from '@kith/contracts';
import { unaryHandlers, versionFromProto, type CallContext } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { HouseholdService } from '../app/household.service';
import type { Household } from '../domain/household';
import { mapContactError } from './contact-error.mapper';
import { unlessNotFound } from './keyed-create.util';
import {
  createChangesFromProto,
  householdToProto,
  updateChangesFromProto,
} from './household-proto.mapper';

const one = (household: Household) => ({ household: householdToProto(household) });

/** The household a write names, in the caller's tenant, at the version the caller read. */
const target = (id: string, expectedVersion: string, ctx: CallContext) => ({
  id,
  tenantId: ctx.tenantId,
  expectedVersion: versionFromProto(expectedVersion),
});

export function householdHandlers(
  service: HouseholdService,
  logger: Logger,
  creates: IdempotentCreates,
): householdV1.HouseholdServiceHandlers {
  return unaryHandlers<householdV1.HouseholdServiceHandlers>(
    {
      CreateHousehold: async (req, ctx) => {
        const command = { tenantId: ctx.tenantId, changes: createChangesFromProto(req) };
        const household = await creates.create(ctx, 'HouseholdService/CreateHousehold', req, {
          create: (id) => service.create(command, id),
          find: (id) => unlessNotFound(() => service.get(ctx.tenantId, id)),
        });
        return one(household);
      },

      GetHousehold: async (req, ctx) => one(await service.get(ctx.tenantId, req.id)),

      UpdateHousehold: async (req, ctx) =>
        one(
          await service.update({
            ...target(req.id, req.expectedVersion, ctx),
            changes: updateChangesFromProto(req),
          }),
        ),

      DeleteHousehold: async (req, ctx) =>
        one(await service.delete(target(req.id, req.expectedVersion, ctx))),

      ListHouseholds: async (req, ctx) => {
        const { pageSize, pageToken } = req;
        const page = await service.list({ tenantId: ctx.tenantId, pageSize, pageToken });
        return {
          households: page.households.map(householdToProto),
          nextPageToken: page.nextPageToken ?? '',
        };
      },

      AddHouseholdMember: async (req, ctx) =>
        one(
          await service.addMember({
            ...target(req.householdId, req.expectedVersion, ctx),
            member: {
              contactId: req.contactId,
              role: req.role,
              inheritsAddress: req.inheritsAddress,
            },
          }),
        ),

      RemoveHouseholdMember: async (req, ctx) =>
        one(
          await service.removeMember({
            ...target(req.householdId, req.expectedVersion, ctx),
            contactId: req.contactId,
          }),
        ),

      GetContactHousehold: async (req, ctx) =>
        one(await service.getContactHousehold(ctx.tenantId, req.contactId)),
    },
    { logger, mapError: mapContactError },
  );
}
