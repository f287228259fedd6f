// proto <-> domain for kith.transaction.v1.DonationService. Money's int64 amounts arrive as
// decimal strings (proto-loader's `longs: String`) and are read with amountMinorFromInt64:
// a string that is no whole number becomes NaN, which the domain's money rule refuses
// (INVALID_ARGUMENT) together with amounts past MONEY_LIMITS, so nothing rounded is stored.
// Empty strings are proto3's "not set".
import { amountMinorFromInt64, type donationV1 } from '@kith/contracts';
import { maskedFields, snakeCase } from '@kith/grpc-kit';
import type { CurrencyGiving } from '../domain/giving-summary';
import { netAmountMinor, type Donation, type Refund } from '../domain/donation';
import { CHANGEABLE_FIELDS } from '../domain/donation-decisions';
import { DonationError } from '../domain/donation-error';
import type {
  DonationDetailsInput,
  DonationInput,
  SoftCreditInput,
  TributeInput,
} from '../domain/donation-validation';

const optional = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;

function softCreditsFromProto(
  credits: donationV1.SoftCreditInput__Output[] | undefined,
): SoftCreditInput[] {
  return (credits ?? []).map((c) => ({
    contactId: c.contactId,
    type: c.type,
    amountMinor: amountMinorFromInt64(c.amountMinor),
  }));
}

function tributeFromProto(
  tribute: donationV1.TributeInput__Output | null | undefined,
): TributeInput | null {
  if (!tribute) return null;
  const honoreeName = optional(tribute.honoreeName);
  const honoreeContactId = optional(tribute.honoreeContactId);
  return {
    type: tribute.type,
    ...(honoreeName !== undefined ? { honoreeName } : {}),
    ...(honoreeContactId !== undefined ? { honoreeContactId } : {}),
  };
}

export function createInputFromProto(req: donationV1.CreateDonationRequest__Output): DonationInput {
  const fields = req.fields;
  const input: DonationInput = {
    donorId: req.donorId,
    // An absent amount stays absent: the domain says "is required".
    amount: (req.amount
      ? { amountMinor: amountMinorFromInt64(req.amount.amountMinor), currency: req.amount.currency }
      : undefined) as DonationInput['amount'],
    receivedAt: fields?.receivedAt ?? '',
    paymentMethod: fields?.paymentMethod ?? '',
  };
  if (!fields) return input;
  const details: DonationDetailsInput = {};
  const status = optional(fields.paymentStatus);
  if (status !== undefined) details.paymentStatus = status;
  for (const field of ['fund', 'campaignId', 'sourceCode', 'externalReference'] as const) {
    const value = optional(fields[field]);
    if (value !== undefined) details[field] = value;
  }
  if (fields.anonymous) details.anonymous = true;
  const tribute = tributeFromProto(fields.tribute);
  if (tribute) details.tribute = tribute;
  if (fields.softCredits.length > 0) details.softCredits = softCreditsFromProto(fields.softCredits);
  return { ...input, ...details };
}

/** The DonationFields an update_mask may name (either spelling, `maskedFields`). */
const MASKABLE: ReadonlyArray<(typeof CHANGEABLE_FIELDS)[number] & keyof DonationDetailsInput> =
  CHANGEABLE_FIELDS;
/** A gift always has these: a masked one with no value is a mistake, not a clear. */
const REQUIRED: ReadonlySet<string> = new Set(['paymentMethod', 'paymentStatus', 'receivedAt']);

/** Update: the paths in the mask change; a masked optional path with no value clears it. */
export function updateChangesFromProto(
  req: donationV1.UpdateDonationRequest__Output,
): DonationDetailsInput {
  const paths = req.updateMask?.paths ?? [];
  const { fields: masked, unknown } = maskedFields(paths, MASKABLE);
  const problems =
    paths.length === 0 ? [{ field: 'updateMask', message: 'name at least one path' }] : [];
  for (const path of unknown) {
    problems.push({
      field: 'updateMask',
      message: `unknown path ${path}; use ${MASKABLE.map(snakeCase).join(', ')}`,
    });
  }
  const fields = req.fields;
  const changes: DonationDetailsInput = {};
  for (const field of masked) {
    if (field === 'anonymous') changes.anonymous = fields?.anonymous ?? false;
    else if (field === 'tribute') changes.tribute = tributeFromProto(fields?.tribute);
    else if (field === 'softCredits')
      changes.softCredits = softCreditsFromProto(fields?.softCredits);
    else {
      const value = optional(fields?.[field]);
      if (REQUIRED.has(field)) {
        if (value === undefined) problems.push({ field, message: 'cannot be cleared' });
        else Object.assign(changes, { [field]: value });
      } else {
        Object.assign(changes, { [field]: value ?? null });
      }
    }
  }
  if (problems.length > 0) throw DonationError.validation(problems);
  return changes;
}

export function refundToProto(refund: Refund): donationV1.Refund {
  return {
    id: refund.id,
    amountMinor: String(refund.amountMinor),
    refundedAt: refund.refundedAt,
    reason: refund.reason ?? '',
    externalReference: refund.externalReference ?? '',
  };
}

export function donationToProto(donation: Donation): donationV1.Donation {
  return {
    id: donation.id,
    tenantId: donation.tenantId,
    version: String(donation.version),
    donorId: donation.donorId ?? '',
    donorKind: donation.donorKind,
    amount: {
      amountMinor: String(donation.amount.amountMinor),
      currency: donation.amount.currency,
    },
    receivedAt: donation.receivedAt,
    paymentMethod: donation.paymentMethod,
    paymentStatus: donation.paymentStatus,
    status: donation.status,
    fund: donation.fund ?? '',
    campaignId: donation.campaignId ?? '',
    sourceCode: donation.sourceCode ?? '',
    anonymous: donation.anonymous,
    tribute: donation.tribute
      ? {
          type: donation.tribute.type,
          honoreeName: donation.tribute.honoreeName ?? '',
          honoreeContactId: donation.tribute.honoreeContactId ?? '',
        }
      : null,
    externalReference: donation.externalReference ?? '',
    softCredits: donation.softCredits.map((c) => ({
      contactId: c.contactId,
      type: c.type,
      amountMinor: String(c.amountMinor),
      automatic: c.automatic,
    })),
    refunds: donation.refunds.map(refundToProto),
    refundedMinor: String(donation.refundedMinor),
    netMinor: String(netAmountMinor(donation)),
    createdBy: donation.createdBy,
    createdAt: donation.createdAt,
    updatedAt: donation.updatedAt,
  };
}

export function givingToProto(
  contactId: string,
  currencies: CurrencyGiving[],
): donationV1.GetGivingResponse {
  return {
    contactId,
    currencies: currencies.map((g) => ({
      currency: g.currency,
      hardTotalMinor: String(g.hardTotalMinor),
      softTotalMinor: String(g.softTotalMinor),
      giftCount: g.giftCount,
      softCreditCount: g.softCreditCount,
      refundedMinor: String(g.refundedMinor),
      firstGiftAt: g.firstGiftAt ?? '',
      lastGiftAt: g.lastGiftAt ?? '',
      largestGiftMinor: String(g.largestGiftMinor),
    })),
  };
}
