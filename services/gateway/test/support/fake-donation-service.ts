// An in-memory DonationService with the real one's observable rules the gateway relies on:
// tenant-scoped ids, versions from 1, ABORTED on a stale expected version, NOT_FOUND for other
// tenants, FAILED_PRECONDITION for a refund over what remains or an unknown donor, NOT_FOUND
// with CONTACT_MERGED for a merged contact's giving, and page tokens. Soft credits are kept as
// sent (no households here).
import * as grpc from '@grpc/grpc-js';
import type { donationV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { DonationServiceDefinition } from '../../src/modules/transaction/transaction.client';
import { fakeUpstream, type FakeUpstream } from './fake-upstream';
import { grpcError } from './grpc-error';

type DonationMessage = donationV1.Donation__Output;

class DonationRules {
  private readonly records = new Map<string, DonationMessage>();
  private seq = 0;
  /** Donor ids the fake refuses as not live contacts. */
  readonly unknownContacts = new Set<string>();
  /** victim -> survivor, for GetGiving. */
  readonly merged = new Map<string, string>();

  async CreateDonation(req: donationV1.CreateDonationRequest, ctx: RequestContext) {
    if (this.unknownContacts.has(req.donorId ?? '')) {
      throw grpcError(grpc.status.FAILED_PRECONDITION, 'the gift names contacts it cannot credit', [
        { field: 'donorId', message: `${req.donorId} is not a contact of this tenant` },
      ]);
    }
    const now = new Date(Date.UTC(2026, 0, 1, 0, 0, this.seq)).toISOString();
    const id = `0193a1b2-0000-7000-8000-${String(++this.seq).padStart(12, '0')}`;
    const f = (req.fields ?? {}) as donationV1.DonationFields;
    const amount = String(req.amount?.amountMinor ?? '0');
    const donation: DonationMessage = {
      id,
      tenantId: ctx.tenantId,
      version: '1',
      donorId: req.donorId ?? '',
      donorKind: 'person',
      amount: { amountMinor: amount, currency: req.amount?.currency ?? '' },
      receivedAt: new Date(f.receivedAt ?? now).toISOString(),
      paymentMethod: f.paymentMethod ?? '',
      paymentStatus: f.paymentStatus || 'completed',
      status: f.paymentStatus || 'completed',
      fund: f.fund ?? '',
      campaignId: f.campaignId ?? '',
      sourceCode: f.sourceCode ?? '',
      anonymous: f.anonymous ?? false,
      tribute: f.tribute
        ? {
            type: f.tribute.type ?? '',
            honoreeName: f.tribute.honoreeName ?? '',
            honoreeContactId: f.tribute.honoreeContactId ?? '',
          }
        : null,
      externalReference: f.externalReference ?? '',
      softCredits: (f.softCredits ?? []).map((c) => ({
        contactId: c.contactId ?? '',
        type: c.type ?? '',
        amountMinor: String(c.amountMinor ?? '0'),
        automatic: false,
      })),
      refunds: [],
      refundedMinor: '0',
      netMinor: amount,
      createdBy: ctx.userId,
      createdAt: now,
      updatedAt: now,
    };
    this.records.set(key(ctx.tenantId, id), donation);
    return { donation: { ...donation } };
  }

  async GetDonation(req: donationV1.GetDonationRequest, ctx: RequestContext) {
    return { donation: { ...this.find(req.id ?? '', ctx) } };
  }

  async UpdateDonation(req: donationV1.UpdateDonationRequest, ctx: RequestContext) {
    const current = this.find(req.id ?? '', ctx);
    if (String(req.expectedVersion) !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'version mismatch');
    }
    const paths = req.updateMask?.paths ?? [];
    const next = { ...current };
    if (paths.includes('fund')) next.fund = req.fields?.fund ?? '';
    if (paths.includes('campaign_id')) next.campaignId = req.fields?.campaignId ?? '';
    if (paths.includes('payment_status')) {
      next.paymentStatus = next.status = req.fields?.paymentStatus ?? next.paymentStatus;
    }
    return { donation: this.save(next, ctx) };
  }

  async ListDonations(req: donationV1.ListDonationsRequest, ctx: RequestContext) {
    const all = [...this.records.values()].filter(
      (d) => d.tenantId === ctx.tenantId && (!req.donorId || d.donorId === req.donorId),
    );
    const start = req.page?.pageToken ? Number(req.page.pageToken) : 0;
    const size = req.page?.pageSize || 50;
    const more = start + size < all.length;
    return {
      donations: all.slice(start, start + size),
      page: { nextPageToken: more ? String(start + size) : '' },
    };
  }

  async RefundDonation(req: donationV1.RefundDonationRequest, ctx: RequestContext) {
    const current = this.find(req.donationId ?? '', ctx);
    const amount = Number(req.amountMinor);
    const left = Number(current.netMinor);
    if (amount > left) {
      throw grpcError(
        grpc.status.FAILED_PRECONDITION,
        `donation ${current.id} has ${left} USD minor units left to refund, less than ${amount}`,
      );
    }
    const refund = {
      id: `r-${++this.seq}`,
      amountMinor: String(amount),
      refundedAt: '2026-01-02T00:00:00.000Z',
      reason: req.reason ?? '',
      externalReference: req.externalReference ?? '',
    };
    const refunded = Number(current.refundedMinor) + amount;
    const net = Number(current.amount?.amountMinor) - refunded;
    const donation = this.save(
      {
        ...current,
        refunds: [...current.refunds, refund],
        refundedMinor: String(refunded),
        netMinor: String(net),
        status: net === 0 ? 'refunded' : 'partially_refunded',
      },
      ctx,
    );
    return { donation, refund };
  }

  async GetGiving(req: donationV1.GetGivingRequest, ctx: RequestContext) {
    const contactId = req.contactId ?? '';
    const survivor = this.merged.get(contactId);
    if (survivor) {
      throw grpcError(grpc.status.NOT_FOUND, 'merged', [], {
        reason: 'CONTACT_MERGED',
        metadata: { survivorId: survivor },
      });
    }
    const given = [...this.records.values()].filter(
      (d) => d.tenantId === ctx.tenantId && d.donorId === contactId,
    );
    if (given.length === 0) return { contactId, currencies: [] };
    const total = given.reduce((sum, d) => sum + Number(d.netMinor), 0);
    return {
      contactId,
      currencies: [
        {
          currency: 'USD',
          hardTotalMinor: String(total),
          softTotalMinor: '0',
          giftCount: given.length,
          softCreditCount: 0,
          refundedMinor: '0',
          firstGiftAt: given[0]?.receivedAt ?? '',
          lastGiftAt: given.at(-1)?.receivedAt ?? '',
          largestGiftMinor: String(Math.max(...given.map((d) => Number(d.netMinor)))),
        },
      ],
    };
  }

  private save(next: DonationMessage, ctx: RequestContext): DonationMessage {
    const saved = { ...next, version: String(Number(next.version) + 1) };
    this.records.set(key(ctx.tenantId, saved.id), saved);
    return { ...saved };
  }

  private find(id: string, ctx: RequestContext): DonationMessage {
    const found = this.records.get(key(ctx.tenantId, id));
    if (!found) throw grpcError(grpc.status.NOT_FOUND, `donation ${id} not found`);
    return found;
  }
}

function key(tenantId: string, id: string): string {
  return `${tenantId}/${id}`;
}

/** The donation service fake: its rules behind the generic fakeUpstream (calls recorded). */
export function fakeDonations(): FakeUpstream<DonationServiceDefinition, DonationRules> {
  return fakeUpstream<DonationServiceDefinition, DonationRules>(new DonationRules());
}
