// Use cases of gifts: read what a decision needs (the stored gift, the contacts it names as
// the projection knows them), let the pure decisions of domain/ decide, store state and events
// together through the outbox. The gRPC handlers call these; nothing here knows about proto.
import { retryOnVersionConflict } from '@kith/bus';
import { buildPage } from '@kith/paging';
import { validate as isUuid } from 'uuid';
import type { Donation, Refund } from '../domain/donation';
import {
  decideCreateDonation,
  decideRefund,
  decideUpdateDonation,
} from '../domain/donation-decisions';
import { DonationError } from '../domain/donation-error';
import {
  nextDonationPageToken,
  matchesNothing,
  parseDonationListQuery,
  type DonationListInput,
} from '../domain/donation-list-query';
import {
  validateDonationDetails,
  validateDonationInput,
  validateRefundInput,
  type DonationDetailsInput,
  type DonationInput,
} from '../domain/donation-validation';
import { summarizeGiving, type CurrencyGiving } from '../domain/giving-summary';
import { toDonationOutboxItems } from '../events/donation-events';
import type { DonationRepository } from '../store/donation.repository';
import type { ContactProjection, DonationContacts } from './donation-contacts';

export interface DonationServiceDeps {
  donations: Pick<DonationRepository, 'findById' | 'insert' | 'update' | 'list' | 'findNaming'>;
  contacts: DonationContacts;
  projection: Pick<ContactProjection, 'resolve'>;
  /** UTC ISO-8601; injected so tests can pin it. */
  now?: () => string;
}

export interface RefundCommand {
  tenantId: string;
  donationId: string;
  amountMinor: number;
  reason?: string;
  externalReference?: string;
  /** 0 or absent: whatever the current version is; a lost race is decided again. */
  expectedVersion?: number;
}

export interface RefundResult {
  donation: Donation;
  refund: Refund;
}

export class DonationService {
  private readonly now: () => string;

  constructor(private readonly deps: DonationServiceDeps) {
    this.now = deps.now ?? (() => new Date().toISOString());
  }

  /** Records a gift under `id` (the idempotent create chose it); a second one there is refused. */
  async create(
    command: { tenantId: string; createdBy: string; input: DonationInput },
    id: string,
  ): Promise<Donation> {
    const now = this.now();
    const clean = validateDonationInput(command.input, now);
    const { donor, input } = await this.deps.contacts.forCreate(command.tenantId, clean);
    const decision = decideCreateDonation(
      { tenantId: command.tenantId, input, createdBy: command.createdBy },
      donor,
      { id, now },
    );
    await this.deps.donations.insert(decision.donation, toDonationOutboxItems(decision.events));
    return decision.donation;
  }

  async get(tenantId: string, id: string): Promise<Donation> {
    const stored = await this.deps.donations.findById(tenantId, id);
    if (!stored) throw DonationError.notFound(id);
    return stored.donation;
  }

  /** The gift under `id`, whatever its state; undefined if none (for the idempotent create). */
  async find(tenantId: string, id: string): Promise<Donation | undefined> {
    return (await this.deps.donations.findById(tenantId, id))?.donation;
  }

  /** Changes what the caller may change, at the version they last read (409 otherwise). */
  async update(command: {
    tenantId: string;
    id: string;
    expectedVersion: number;
    changes: DonationDetailsInput;
  }): Promise<Donation> {
    const now = this.now();
    const clean = validateDonationDetails(command.changes, now);
    const stored = await this.deps.donations.findById(command.tenantId, command.id);
    if (!stored) throw DonationError.notFound(command.id);
    const current = stored.donation;
    const { donor, changes } = await this.deps.contacts.forUpdate(
      command.tenantId,
      current.donorId,
      clean,
    );
    const decision = decideUpdateDonation(
      current,
      { expectedVersion: command.expectedVersion, changes },
      donor,
      now,
    );
    if (decision.events.length === 0) return current;
    await this.deps.donations.update(
      decision.donation,
      stored.outboxLog,
      toDonationOutboxItems(decision.events),
    );
    return decision.donation;
  }

  /**
   * Refunds part or all of a gift as refund `refundId` (the idempotent create chose it): a
   * retry finds its refund made and makes none. Without an expected version a concurrent
   * change (another refund) is read again and the refund decided anew, so two refunds that
   * together exceed the gift cannot both pass.
   */
  async refund(command: RefundCommand, refundId: string): Promise<RefundResult> {
    const clean = validateRefundInput(command);
    const attempt = async (): Promise<RefundResult> => {
      const stored = await this.deps.donations.findById(command.tenantId, command.donationId);
      if (!stored) throw DonationError.notFound(command.donationId);
      // A retry (the same idempotency key, so the same refund id) finds its refund made.
      if (stored.donation.refunds.some((r) => r.id === refundId)) {
        return refundIn(stored.donation, refundId);
      }
      const decision = decideRefund(
        stored.donation,
        {
          ...clean,
          ...(command.expectedVersion ? { expectedVersion: command.expectedVersion } : {}),
        },
        { id: refundId, now: this.now() },
      );
      await this.deps.donations.update(
        decision.donation,
        stored.outboxLog,
        toDonationOutboxItems(decision.events),
      );
      return refundIn(decision.donation, refundId);
    };
    return command.expectedVersion ? attempt() : retryOnVersionConflict(attempt);
  }

  /** The refund `refundId` of the gift, if it was made (for the idempotent refund). */
  async findRefund(
    tenantId: string,
    donationId: string,
    refundId: string,
  ): Promise<RefundResult | undefined> {
    const donation = await this.find(tenantId, donationId);
    const refund = donation?.refunds.find((r) => r.id === refundId);
    return donation && refund ? { donation, refund } : undefined;
  }

  async list(
    tenantId: string,
    input: DonationListInput,
  ): Promise<{ donations: Donation[]; nextPageToken: string }> {
    const query = parseDonationListQuery(tenantId, input);
    if (matchesNothing(query.filter)) return { donations: [], nextPageToken: '' };
    const rows = await this.deps.donations.list(query);
    const page = buildPage(rows, query.pageSize, (last) => ({
      receivedAt: last.receivedAt,
      id: last.id,
    }));
    return {
      donations: page.items,
      nextPageToken: page.next ? nextDonationPageToken(query, page.next) : '',
    };
  }

  /**
   * A contact's giving per currency. A merge victim's gifts are its survivor's now, so asking
   * for the victim is answered with where to look instead (CONTACT_MERGED). An id that is no
   * contact id at all names no contact: NOT_FOUND, as a contact's other paths answer it.
   */
  async giving(tenantId: string, contactId: string): Promise<CurrencyGiving[]> {
    if (!isUuid(contactId)) throw DonationError.contactNotFound(contactId);
    const resolved = await this.deps.projection.resolve(tenantId, contactId);
    if (resolved && resolved.mergedFrom.length > 0) {
      throw DonationError.contactMerged(contactId, resolved.contact.id);
    }
    return summarizeGiving(contactId, await this.deps.donations.findNaming(tenantId, contactId));
  }
}

function refundIn(donation: Donation, refundId: string): RefundResult {
  const refund = donation.refunds.find((r) => r.id === refundId);
  // Either found made or just added by decideRefund: never reached.
  if (!refund) throw new Error(`refund ${refundId} is not on donation ${donation.id}`);
  return { donation, refund };
}
