// The REST shape of a gift and the pure mappings between it and DonationService messages.
// Money's int64 fields travel as decimal strings (proto-loader's `longs: String`); in JSON they
// are integers: an amount is at most 10^12 minor units and a giving total stays far inside
// 2^53, so Number() reads them exactly. Proto3 has no "unset" for strings, so an empty string
// becomes null in JSON: every key is always present.
import type { donationV1 } from '@kith/contracts';
import type { z } from 'zod';
import { required } from '../../grpc/upstream-client';
import type {
  CreateDonationBodySchema,
  DonationListQuerySchema,
  DonationSchema,
  GivingSchema,
  PatchDonationBodySchema,
  RefundBodySchema,
  RefundSchema,
} from './donation.schema';

export type DonationResource = z.output<typeof DonationSchema>;
type RefundResource = z.output<typeof RefundSchema>;
type CreateDonationBody = z.output<typeof CreateDonationBodySchema>;
type DonationPatch = z.output<typeof PatchDonationBodySchema>;
type RefundBody = z.output<typeof RefundBodySchema>;
type DonationListQuery = z.output<typeof DonationListQuerySchema>;
type Giving = z.output<typeof GivingSchema>;

const orNull = (value: string | undefined | null): string | null =>
  value === undefined || value === null || value === '' ? null : value;
const minor = (value: string | undefined): number => (value ? Number(value) : 0);
const minorToProto = (value: number): string => String(value);

type Details = Omit<DonationPatch, 'fund' | 'campaignId' | 'sourceCode' | 'externalReference'> & {
  fund?: string | null;
  campaignId?: string | null;
  sourceCode?: string | null;
  externalReference?: string | null;
};

function fieldsToProto(body: Details): donationV1.DonationFields {
  return {
    paymentMethod: body.paymentMethod ?? '',
    paymentStatus: body.paymentStatus ?? '',
    receivedAt: body.receivedAt ?? '',
    fund: body.fund ?? '',
    campaignId: body.campaignId ?? '',
    sourceCode: body.sourceCode ?? '',
    externalReference: body.externalReference ?? '',
    anonymous: body.anonymous ?? false,
    tribute: body.tribute
      ? {
          type: body.tribute.type,
          honoreeName: body.tribute.honoreeName ?? '',
          honoreeContactId: body.tribute.honoreeContactId ?? '',
        }
      : null,
    softCredits: (body.softCredits ?? []).map((c) => ({
      contactId: c.contactId,
      type: c.type,
      amountMinor: minorToProto(c.amountMinor),
    })),
  };
}

export function createDonationRequest(body: CreateDonationBody): donationV1.CreateDonationRequest {
  const { donorId, amount, ...details } = body;
  return {
    donorId,
    amount: { amountMinor: minorToProto(amount.amountMinor), currency: amount.currency },
    fields: fieldsToProto(details),
  };
}

/** REST field -> the update_mask path it is. */
const PATCH_PATHS: Readonly<Record<keyof DonationPatch, string>> = {
  receivedAt: 'received_at',
  paymentMethod: 'payment_method',
  paymentStatus: 'payment_status',
  fund: 'fund',
  campaignId: 'campaign_id',
  sourceCode: 'source_code',
  externalReference: 'external_reference',
  anonymous: 'anonymous',
  tribute: 'tribute',
  softCredits: 'soft_credits',
};

/** Merge patch -> update mask: present keys change, null clears. */
export function updateDonationRequest(
  id: string,
  version: number,
  patch: DonationPatch,
): donationV1.UpdateDonationRequest {
  const paths = (Object.keys(PATCH_PATHS) as Array<keyof DonationPatch>)
    .filter((field) => patch[field] !== undefined)
    .map((field) => PATCH_PATHS[field]);
  return {
    id,
    expectedVersion: String(version),
    fields: fieldsToProto(patch),
    updateMask: { paths },
  };
}

export function refundDonationRequest(
  id: string,
  body: RefundBody,
): donationV1.RefundDonationRequest {
  return {
    donationId: id,
    amountMinor: minorToProto(body.amountMinor),
    reason: body.reason ?? '',
    externalReference: body.externalReference ?? '',
  };
}

export function listDonationsRequest(
  query: DonationListQuery,
  pageToken: string,
): donationV1.ListDonationsRequest {
  return {
    page: { pageSize: query.limit, pageToken },
    donorId: query.donorId ?? '',
    status: query.status ?? '',
    campaignId: query.campaignId ?? '',
    receivedFrom: query.receivedFrom ?? '',
    receivedTo: query.receivedTo ?? '',
  };
}

/** What a donation cursor is bound to: the listing's filters. */
export function donationListFilters(query: DonationListQuery) {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return filters;
}

function toRefundResource(refund: donationV1.Refund__Output): RefundResource {
  return {
    id: refund.id,
    amountMinor: minor(refund.amountMinor),
    refundedAt: refund.refundedAt,
    reason: orNull(refund.reason),
    externalReference: orNull(refund.externalReference),
  };
}

export function toDonationResource(d: donationV1.Donation__Output): DonationResource {
  const amount = required(d.amount, 'an amount');
  const currency = amount.currency;
  return {
    id: d.id,
    version: minor(d.version),
    donorId: orNull(d.donorId),
    donorKind: d.donorKind as DonationResource['donorKind'],
    amount: { amountMinor: minor(amount.amountMinor), currency },
    receivedAt: d.receivedAt,
    paymentMethod: d.paymentMethod as DonationResource['paymentMethod'],
    paymentStatus: d.paymentStatus as DonationResource['paymentStatus'],
    status: d.status as DonationResource['status'],
    fund: orNull(d.fund),
    campaignId: orNull(d.campaignId),
    sourceCode: orNull(d.sourceCode),
    externalReference: orNull(d.externalReference),
    anonymous: d.anonymous,
    tribute: d.tribute
      ? {
          type: d.tribute.type as NonNullable<DonationResource['tribute']>['type'],
          honoreeName: orNull(d.tribute.honoreeName),
          honoreeContactId: orNull(d.tribute.honoreeContactId),
        }
      : null,
    softCredits: d.softCredits.map((c) => ({
      contactId: c.contactId,
      type: c.type as DonationResource['softCredits'][number]['type'],
      amountMinor: minor(c.amountMinor),
      automatic: c.automatic,
    })),
    refunds: d.refunds.map(toRefundResource),
    refunded: { amountMinor: minor(d.refundedMinor), currency },
    net: { amountMinor: minor(d.netMinor), currency },
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function toRefundResult(res: donationV1.RefundDonationResponse__Output) {
  return {
    refund: toRefundResource(required(res.refund, 'a refund')),
    donation: toDonationResource(required(res.donation, 'a donation')),
  };
}

export function toGivingResource(res: donationV1.GetGivingResponse__Output): Giving {
  return {
    contactId: res.contactId,
    currencies: res.currencies.map((g) => ({
      currency: g.currency,
      hardTotalMinor: minor(g.hardTotalMinor),
      softTotalMinor: minor(g.softTotalMinor),
      giftCount: g.giftCount,
      softCreditCount: g.softCreditCount,
      refundedMinor: minor(g.refundedMinor),
      firstGiftAt: orNull(g.firstGiftAt),
      lastGiftAt: orNull(g.lastGiftAt),
      largestGiftMinor: minor(g.largestGiftMinor),
    })),
  };
}
