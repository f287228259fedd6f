// kith.transaction.v1.DonationService: translate proto <-> domain, call the use case, nothing
// else. The tenant always comes from call metadata (CallContext), never from the request.
// Creates and refunds move money, so both dedupe on the idempotency-key metadata
// (@kith/idempotency): the same request under the same key answers the same gift or refund.
import { amountMinorFromInt64, type donationV1 } from '@kith/contracts';
import { unaryHandlers, versionFromProto } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { DonationService } from '../app/donation.service';
import type { Donation } from '../domain/donation';
import { mapDonationError, unlessNotFound } from './donation-error.mapper';
import {
  createInputFromProto,
  donationToProto,
  givingToProto,
  refundToProto,
  updateChangesFromProto,
} from './donation-proto.mapper';

type One = { donation: donationV1.Donation };

const one = (donation: Donation): One => ({ donation: donationToProto(donation) });

export function donationHandlers(
  service: DonationService,
  logger: Logger,
  creates: IdempotentCreates,
): donationV1.DonationServiceHandlers {
  return unaryHandlers<donationV1.DonationServiceHandlers>(
    {
      CreateDonation: async (req, ctx) => {
        const command = {
          tenantId: ctx.tenantId,
          createdBy: ctx.userId,
          input: createInputFromProto(req),
        };
        const donation = await creates.create(ctx, 'DonationService/CreateDonation', req, {
          create: (id) => service.create(command, id),
          find: (id) => unlessNotFound(() => service.get(ctx.tenantId, id)),
        });
        return one(donation);
      },

      GetDonation: async (req, ctx) => one(await service.get(ctx.tenantId, req.id)),

      UpdateDonation: async (req, ctx) =>
        one(
          await service.update({
            tenantId: ctx.tenantId,
            id: req.id,
            expectedVersion: versionFromProto(req.expectedVersion),
            changes: updateChangesFromProto(req),
          }),
        ),

      ListDonations: async (req, ctx) => {
        const page = await service.list(ctx.tenantId, {
          pageSize: req.page?.pageSize ?? 0,
          pageToken: req.page?.pageToken ?? '',
          donorId: req.donorId,
          status: req.status,
          campaignId: req.campaignId,
          receivedFrom: req.receivedFrom,
          receivedTo: req.receivedTo,
        });
        return {
          donations: page.donations.map(donationToProto),
          page: { nextPageToken: page.nextPageToken },
        };
      },

      RefundDonation: async (req, ctx) => {
        const command = {
          tenantId: ctx.tenantId,
          donationId: req.donationId,
          amountMinor: amountMinorFromInt64(req.amountMinor),
          ...(req.reason ? { reason: req.reason } : {}),
          ...(req.externalReference ? { externalReference: req.externalReference } : {}),
          expectedVersion: versionFromProto(req.expectedVersion),
        };
        const result = await creates.create(ctx, 'DonationService/RefundDonation', req, {
          create: (refundId) => service.refund(command, refundId),
          find: (refundId) => service.findRefund(ctx.tenantId, req.donationId, refundId),
        });
        return { donation: donationToProto(result.donation), refund: refundToProto(result.refund) };
      },

      GetGiving: async (req, ctx) =>
        givingToProto(req.contactId, await service.giving(ctx.tenantId, req.contactId)),
    },
    { logger, mapError: mapDonationError },
  );
}
