// /v1/donations, /v1/donations/{id}/refunds and /v1/contacts/{id}/giving, each operation
// declared once for Express and OpenAPI. Creates and refunds move money: Idempotency-Key is
// required (428 without it), the gateway replays the stored answer to a retry, and the service
// dedupes on the key too, so a retry after a timeout never records or refunds twice. Changes
// carry If-Match (428 missing, 409 stale); a foreign tenant's id answers 404.
import type { ContactsOf, ResponseContacts } from '../../domain/idempotency';
import { required } from '../../grpc/upstream-client';
import { defineOperation, type Operation } from '../../http/operation';
import { etagHeader, json, problems } from '../../http/openapi-kit';
import {
  createOperation,
  listOperation,
  readOperation,
  versionedOperation,
} from '../../http/resource-operations';
import { etagOf } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import {
  createDonationRequest,
  donationListFilters,
  listDonationsRequest,
  refundDonationRequest,
  toDonationResource,
  toGivingResource,
  toRefundResult,
  updateDonationRequest,
} from './donation.mapper';
import {
  CreateDonationBodySchema,
  DonationListQuerySchema,
  DonationPageSchema,
  DonationSchema,
  GivingSchema,
  PatchDonationBodySchema,
  RefundBodySchema,
  RefundResultSchema,
} from './donation.schema';
import type { DonationClient } from './transaction.client';

export const DONATIONS_PATH = '/donations';

const tags = ['Donations'];
const donation = (description: string) => ({ schema: DonationSchema, description });
const one = (res: { donation: Parameters<typeof toDonationResource>[0] | null }) =>
  toDonationResource(required(res.donation, 'a donation'));

/**
 * Everyone a gift's stored answer names: its donor, its soft-credited contacts and its
 * honoree (whose name the tribute carries), so erasing any one of them drops the answer.
 */
function namedByGift(gift: unknown): ResponseContacts {
  const g = (gift ?? {}) as {
    donorId?: unknown;
    softCredits?: Array<{ contactId?: unknown }>;
    tribute?: { honoreeContactId?: unknown } | null;
  };
  const ids = [
    g.donorId,
    ...(g.softCredits ?? []).map((c) => c.contactId),
    g.tribute?.honoreeContactId,
  ].filter((id): id is string => typeof id === 'string' && id !== '');
  return ids.length > 0 ? { contactIds: [...new Set(ids)] } : {};
}

const giftContacts: ContactsOf = (body) => namedByGift(body);
const refundContacts: ContactsOf = (body) =>
  namedByGift((body as { donation?: unknown } | null)?.donation);

export function donationOperations(donations: DonationClient): Operation[] {
  return [
    listOperation({
      path: DONATIONS_PATH,
      operationId: 'listDonations',
      summary: 'List donations',
      description:
        'Cursor-paginated, newest received first; filter by donor, status, campaign and a ' +
        'receivedAt range. A cursor is bound to the filters it was issued with.',
      tags,
      permission: 'donation:read',
      query: DonationListQuerySchema,
      scope: 'donation',
      filters: donationListFilters,
      page: { schema: DonationPageSchema, description: 'A page of donations.' },
      async list({ query, ctx }, pageToken) {
        const page = await donations.ListDonations(listDonationsRequest(query, pageToken), ctx);
        return {
          data: page.donations.map(toDonationResource),
          nextPageToken: page.page?.nextPageToken ?? '',
        };
      },
    }),
    createOperation({
      path: DONATIONS_PATH,
      operationId: 'createDonation',
      summary: 'Record a donation',
      description:
        'Idempotency-Key is required (428 without it). 422 when the donor, a soft-credited ' +
        'contact or the honoree is not a live contact of your tenant (a merged id is followed ' +
        "to its survivor). Living members of a person donor's household are soft-credited the " +
        'full amount automatically.',
      tags,
      permission: 'donation:write',
      body: CreateDonationBodySchema,
      idempotent: giftContacts,
      idempotencyKeyRequired: true,
      answer: donation('Recorded.'),
      problems: [400, 403, 409, 413, 415, 422, 428],
      async create({ body, ctx }) {
        return one(await donations.CreateDonation(createDonationRequest(body), ctx));
      },
    }),
    readOperation({
      path: `${DONATIONS_PATH}/{id}`,
      operationId: 'getDonation',
      summary: 'Read a donation',
      description: 'With its soft credits and refunds.',
      tags,
      permission: 'donation:read',
      params: IdParamsSchema,
      answer: donation('The donation.'),
      async read({ params, ctx }) {
        return one(await donations.GetDonation({ id: params.id }, ctx));
      },
    }),
    versionedOperation({
      method: 'patch',
      path: `${DONATIONS_PATH}/{id}`,
      operationId: 'updateDonation',
      summary: 'Change a donation',
      description:
        'Merge patch guarded by If-Match. The amount and the donor never change (refund, or ' +
        'fail a pending gift, and record it again); a completed gift cannot become pending or ' +
        'failed (422). softCredits replaces the explicit credits; household credits are added ' +
        'again.',
      tags,
      permission: 'donation:write',
      params: IdParamsSchema,
      body: PatchDonationBodySchema,
      bodyContentTypes: ['application/json', 'application/merge-patch+json'],
      answer: donation('The changed donation.'),
      async write({ params, version, body, ctx }) {
        return one(
          await donations.UpdateDonation(updateDonationRequest(params.id, version, body), ctx),
        );
      },
    }),
    defineOperation({
      method: 'post',
      path: `${DONATIONS_PATH}/{id}/refunds`,
      operationId: 'refundDonation',
      summary: 'Refund part or all of a donation',
      description:
        'Idempotency-Key is required (428 without it): a retried refund answers the refund it ' +
        'made, never a second one. 422 when the amount is more than what remains, or the gift ' +
        'is not completed. Two refunds at once are decided one after the other.',
      tags,
      permission: 'donation:refund',
      params: IdParamsSchema,
      body: RefundBodySchema,
      idempotent: refundContacts,
      idempotencyKeyRequired: true,
      responses: {
        201: json(RefundResultSchema, 'Refunded: the refund and the gift after it.', etagHeader),
        ...problems(400, 403, 404, 409, 413, 415, 422, 428),
      },
      async handle({ params, body, ctx, res }) {
        const result = toRefundResult(
          await donations.RefundDonation(refundDonationRequest(params.id, body), ctx),
        );
        res.setHeader('Location', `/v1${DONATIONS_PATH}/${encodeURIComponent(params.id)}`);
        res.setHeader('ETag', etagOf(result.donation.version));
        res.status(201).json(result);
      },
    }),
    defineOperation({
      method: 'get',
      path: '/contacts/{id}/giving',
      operationId: 'getContactGiving',
      summary: "A contact's giving, per currency",
      description:
        'Hard credit (gifts they paid, net of refunds) and soft credit (gifts credited to them), ' +
        'gift counts, first, last and largest gift, per currency and never summed across ' +
        'currencies. Only paid gifts count. 404 with mergedInto for a merged contact.',
      tags,
      permission: 'donation:read',
      params: IdParamsSchema,
      responses: { 200: json(GivingSchema, 'The giving summary.'), ...problems(400, 403, 404) },
      async handle({ params, ctx, res }) {
        res.json(toGivingResource(await donations.GetGiving({ contactId: params.id }, ctx)));
      },
    }),
  ];
}
