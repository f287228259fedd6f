// The giving and activity facts: `marketing_gifts` (one document per donation, from
// kith.transaction.v1) and `marketing_activities` (one per interaction, from
// kith.interaction.v1), each at its record's latest version (putNewerVersion: a record's events
// share a partition and one group handles them, so writers do not meet). The source services
// re-point merged contacts and drop erased ones in their own update events, which replace these
// documents; the erasure hook also deletes what names the person, at once.
//
// A segment that asks about giving reads the tenant's gifts once per evaluation (one
// pushed-down tenant equality) and groups them by donor in memory, rather than a `$in` of a
// page's donors per page, which FerretDB does not push down (each page would read them all).
import { ensureTenantIndexes, putNewerVersion } from '@kith/aggregate-store';
import { retryTransient } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import type { ActivityFact, GiftFact } from '../domain/marketing-facts';
import { projectionId } from './projection-ids';

export const MARKETING_GIFTS_COLLECTION = 'marketing_gifts';
export const MARKETING_ACTIVITIES_COLLECTION = 'marketing_activities';

type GiftDocument = Omit<GiftFact, 'id'> & { _id: string; donationId: string };
type ActivityDocument = Omit<ActivityFact, 'id'> & { _id: string; interactionId: string };

const toGift = ({ _id, donationId, ...rest }: GiftDocument): GiftFact => ({
  ...rest,
  id: donationId,
});
const toActivity = ({ _id, interactionId, ...rest }: ActivityDocument): ActivityFact => ({
  ...rest,
  id: interactionId,
});

/** Facts grouped by the contact they count for. */
export interface FactsByContact {
  gifts: Map<string, GiftFact[]>;
  activities: Map<string, ActivityFact[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class MarketingFacts {
  readonly gifts: Collection<GiftDocument>;
  readonly activities: Collection<ActivityDocument>;

  constructor(db: Db) {
    this.gifts = db.collection<GiftDocument>(MARKETING_GIFTS_COLLECTION);
    this.activities = db.collection<ActivityDocument>(MARKETING_ACTIVITIES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await ensureTenantIndexes(this.gifts, [{ donorId: 1 }, { campaignId: 1 }, { sourceCode: 1 }]);
    await ensureTenantIndexes(this.activities, [{ contactIds: 1 }]);
  }

  putGift(gift: GiftFact): Promise<boolean> {
    const { id, ...state } = gift;
    return putNewerVersion(
      this.gifts,
      projectionId(gift.tenantId, id),
      { ...state, donationId: id },
      ['donorId', 'campaignId', 'sourceCode'],
    );
  }

  putActivity(activity: ActivityFact): Promise<boolean> {
    const { id, ...state } = activity;
    return putNewerVersion(this.activities, projectionId(activity.tenantId, id), {
      ...state,
      interactionId: id,
    });
  }

  /** The tenant's facts grouped by contact, reading only the kinds asked for. */
  async byContact(
    tenantId: string,
    needs: { giving: boolean; activity: boolean },
  ): Promise<FactsByContact> {
    const out: FactsByContact = { gifts: new Map(), activities: new Map() };
    if (needs.giving) {
      for await (const doc of this.gifts.find({ tenantId })) {
        if (doc.donorId) push(out.gifts, doc.donorId, toGift(doc));
      }
    }
    if (needs.activity) {
      for await (const doc of this.activities.find({ tenantId, deleted: false })) {
        for (const contactId of doc.contactIds) push(out.activities, contactId, toActivity(doc));
      }
    }
    return out;
  }

  /** Gifts carrying the campaign's id or its source code: two pushed-down equalities, not `$or`. */
  async attributedGifts(
    tenantId: string,
    campaignId: string,
    sourceCode?: string,
  ): Promise<GiftFact[]> {
    const reads = [this.gifts.find({ tenantId, campaignId }).toArray()];
    if (sourceCode) reads.push(this.gifts.find({ tenantId, sourceCode }).toArray());
    const byId = new Map<string, GiftFact>();
    for (const doc of (await Promise.all(reads)).flat()) byId.set(doc._id, toGift(doc));
    return [...byId.values()];
  }

  /** The facts naming the person (an erasure): gifts as donor, interactions as participant. */
  async forContact(
    tenantId: string,
    contactId: string,
  ): Promise<{ gifts: GiftFact[]; activities: ActivityFact[] }> {
    const [gifts, activities] = await Promise.all([
      this.gifts.find({ tenantId, donorId: contactId }).toArray(),
      this.activities.find({ tenantId, contactIds: contactId }).toArray(),
    ]);
    return { gifts: gifts.map(toGift), activities: activities.map(toActivity) };
  }

  /**
   * Forgets the person: their gifts lose the donor (the money stays for attribution), their
   * interactions lose them as participant. The source services' own update events say the same.
   */
  async eraseContact(tenantId: string, contactId: string): Promise<void> {
    await retryTransient(() =>
      this.gifts.updateMany({ tenantId, donorId: contactId }, { $unset: { donorId: '' } }),
    );
    await retryTransient(() =>
      this.activities.updateMany(
        { tenantId, contactIds: contactId },
        { $pull: { contactIds: contactId } },
      ),
    );
  }
}
