// The send ledger: `campaign_messages`, one document per (campaign, contact), `_id`
// <tenant>:<campaign>:<contact>. Inserting it is the claim that makes "at most once per
// contact" hold without transactions: the `_id` is unique, so of two senders (a resumed job,
// a second replica) exactly one inserts, and the insert goes through the outbox with its
// kith.marketing.message.requested.v1 event, so the claim and the event are one write
// (docs/architecture.md, "the outbox"). Only after the claim is the mail handed to the relay;
// `state` then says what became of it: claimed (hand-off not confirmed), sent, failed, or
// merged (a copy of a merge victim's claim on the survivor, so they are not mailed twice).
import { ensureTenantIndexes, insertVersioned, type AggregateStore } from '@kith/aggregate-store';
import {
  isDuplicateKeyError,
  retryTransient,
  type Outbox,
  type OutboxItem,
  type OutboxLogRecord,
} from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import { CampaignError } from '../domain/marketing-error';
import { projectionId } from './projection-ids';

export const CAMPAIGN_MESSAGES_COLLECTION = 'campaign_messages';

export type MessageState = 'claimed' | 'sent' | 'failed' | 'merged';

export interface CampaignMessage {
  messageId: string;
  tenantId: string;
  campaignId: string;
  contactId: string;
  state: MessageState;
  /** The stored copy of what was sent; gone once the person is erased. */
  to?: string;
  subject?: string;
  body?: string;
  claimedAt: string;
  sentAt?: string;
  error?: string;
  /** On a `merged` copy: the victim whose claim it carries. */
  mergedFrom?: string;
}

interface CampaignMessageDocument extends CampaignMessage {
  _id: string;
  version: number;
  _outboxLog?: OutboxLogRecord[];
}

const strip = ({
  _id,
  version: _v,
  _outboxLog: _l,
  ...m
}: CampaignMessageDocument): CampaignMessage => m;

export class CampaignMessages {
  readonly collection: Collection<CampaignMessageDocument>;
  private readonly store: AggregateStore<CampaignMessageDocument>;

  constructor(db: Db, outbox: Outbox) {
    this.collection = db.collection<CampaignMessageDocument>(CAMPAIGN_MESSAGES_COLLECTION);
    this.store = { collection: this.collection, outbox };
  }

  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.collection, [{ campaignId: 1 }, { contactId: 1 }]);
  }

  static id(tenantId: string, campaignId: string, contactId: string): string {
    return projectionId(tenantId, campaignId, contactId);
  }

  /**
   * Claims the (campaign, contact) with the message and its event; `false` when a claim
   * exists already (this contact was decided before: never sent again).
   */
  async claim(message: CampaignMessage, items: OutboxItem[]): Promise<boolean> {
    const _id = CampaignMessages.id(message.tenantId, message.campaignId, message.contactId);
    try {
      await insertVersioned(
        this.store,
        { ...message, _id, version: 1 },
        {
          items,
          conflict: () => CampaignError.versionConflict(_id, 0),
          duplicate: () => new ClaimTaken(),
        },
      );
      return true;
    } catch (err) {
      // Taken: by a stored document, or by another sender staging the same version right now.
      if (err instanceof ClaimTaken || isDuplicateKeyError(err)) return false;
      if (err instanceof CampaignError) return false;
      throw err;
    }
  }

  /** A claim without an event: a merge victim's claim carried over to its survivor. */
  copyClaim(message: CampaignMessage): Promise<boolean> {
    return this.insertCopy(
      CampaignMessages.id(message.tenantId, message.campaignId, message.contactId),
      message,
    );
  }

  /**
   * A merge victim's message kept on a survivor that holds a claim of its own for the campaign
   * (both were mailed): a record, not a claim, under an `_id` naming the victim.
   */
  async copyAside(message: CampaignMessage & { mergedFrom: string }): Promise<void> {
    const id = projectionId(
      message.tenantId,
      message.campaignId,
      message.contactId,
      'from',
      message.mergedFrom,
    );
    await this.insertCopy(id, message);
  }

  /** The victim's own entry, once its copy is on the survivor. */
  async remove(m: CampaignMessage): Promise<void> {
    const _id = CampaignMessages.id(m.tenantId, m.campaignId, m.contactId);
    await retryTransient(() => this.collection.deleteOne({ _id, tenantId: m.tenantId }));
  }

  private async insertCopy(_id: string, message: CampaignMessage): Promise<boolean> {
    try {
      await retryTransient(() => this.collection.insertOne({ ...message, _id, version: 1 }));
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async get(
    tenantId: string,
    campaignId: string,
    contactId: string,
  ): Promise<CampaignMessage | undefined> {
    const doc = await this.collection.findOne({
      _id: CampaignMessages.id(tenantId, campaignId, contactId),
    });
    return doc && doc.tenantId === tenantId ? strip(doc) : undefined;
  }

  /** After the relay answered: sent, or failed with why. One writer per claim (its sender). */
  async settle(
    m: CampaignMessage,
    outcome: { state: 'sent' | 'failed'; at: string; error?: string },
  ) {
    const _id = CampaignMessages.id(m.tenantId, m.campaignId, m.contactId);
    await retryTransient(() =>
      this.collection.updateOne(
        { _id },
        {
          $set: {
            state: outcome.state,
            ...(outcome.state === 'sent' ? { sentAt: outcome.at } : {}),
            ...(outcome.error ? { error: outcome.error } : {}),
          },
        },
      ),
    );
  }

  /** Every message to the contact (an export, a merge, an erasure). */
  async forContact(tenantId: string, contactId: string): Promise<CampaignMessage[]> {
    const docs = await this.collection
      .find({ tenantId, contactId }, { projection: { _outboxLog: 0 } })
      .toArray();
    return docs.map(strip);
  }

  /**
   * Erasure: every message to the person goes, copy, address and claim. The claim is not
   * needed any more (an erased profile is never mailed, and the suppression list keeps the
   * address out); the sends' counts live in their jobs and campaigns.
   */
  async removeForContact(tenantId: string, contactId: string): Promise<void> {
    await retryTransient(() => this.collection.deleteMany({ tenantId, contactId }));
  }
}

class ClaimTaken extends Error {}
