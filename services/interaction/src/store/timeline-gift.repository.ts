// The gifts of contacts' timelines: `timeline_gifts`, one document per donation (`_id`
// <tenant>:<donation>), the projection of kith.transaction.v1 at the donation's latest version.
// `places` lists `<contact>:<YYYY-MM>` for every month a contact has an entry of the gift in
// (domain/timeline-gift.ts), a top-level array, so "this contact's gifts in this month" is one
// equality FerretDB pushes down (`@>` on PostgreSQL, served by a GIN index).
//
// A donation's events share its key and so a partition, and one consumer group handles them in
// order, so two writers of one donation do not meet; putNewerVersion (@kith/aggregate-store)
// turns a redelivered, replayed or late older event into a no-op (an upsert that then collides
// with the stored `_id`), as the contact projection's household places do. FerretDB updates are a
// read and a write-back, which is why that ordering, not the filter, is what keeps writes apart.
// A first version is an insert instead (group-committed): the upsert's filter cannot match any
// stored version below 1, so it would only ever insert or collide, at the price of a read.
import { putNewerVersion } from '@kith/aggregate-store';
import { InsertBatcher, isDuplicateKeyError } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, FindOptions } from 'mongodb';
import { giftPlaces, placeKey, type TimelineGift } from '../domain/timeline-gift';
import type { TimelineMonths } from './timeline-months';

export const TIMELINE_GIFTS_COLLECTION = 'timeline_gifts';

interface TimelineGiftDocument extends Omit<TimelineGift, 'id'> {
  _id: string;
  donationId: string;
  places: string[];
}

/** Optional top-level fields: an event that lacks one clears it (an erased donor). */
const OPTIONAL_FIELDS = ['donorId', 'fund', 'campaignId'] as const;

const giftId = (tenantId: string, donationId: string) =>
  `${encodeURIComponent(tenantId)}:${encodeURIComponent(donationId)}`;

export class TimelineGifts {
  private readonly gifts: Collection<TimelineGiftDocument>;
  private readonly firstVersions: InsertBatcher<TimelineGiftDocument>;

  constructor(
    db: Db,
    private readonly months: TimelineMonths,
  ) {
    this.gifts = db.collection<TimelineGiftDocument>(TIMELINE_GIFTS_COLLECTION);
    this.firstVersions = new InsertBatcher(this.gifts);
  }

  /** Tenant first, for MongoDB (FerretDB on PostgreSQL gets a GIN index per key). */
  async ensureIndexes(): Promise<void> {
    await this.gifts.createIndex({ tenantId: 1, places: 1 });
  }

  /**
   * Stores the gift unless this version or a newer one is stored; true if it was stored. Its
   * months go into the directory first, so a page never misses a month the gift is in.
   */
  async put(gift: TimelineGift): Promise<boolean> {
    const places = giftPlaces(gift);
    await this.months.note(gift.tenantId, places);
    const { id, ...state } = gift;
    if (gift.version === 1) {
      try {
        // Absent fields left out: the driver would store an undefined one as null.
        const doc = JSON.parse(JSON.stringify(state)) as typeof state;
        await this.firstVersions.insert({
          ...doc,
          _id: giftId(gift.tenantId, id),
          donationId: id,
          places: places.map(placeKey),
        });
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    }
    return putNewerVersion(
      this.gifts,
      giftId(gift.tenantId, id),
      { ...state, donationId: id, places: places.map(placeKey) },
      OPTIONAL_FIELDS,
    );
  }

  /** The gifts with an entry of the contact in the month (`YYYY-MM`). */
  async inMonth(tenantId: string, contactId: string, month: string): Promise<TimelineGift[]> {
    const docs = await this.gifts
      .find(
        { tenantId, places: placeKey({ contactId, month }) },
        withMaxTime<FindOptions>({ projection: { places: 0 } }),
      )
      .toArray();
    return docs.map(toGift);
  }

  /** The stored projection of one donation (tests and tools). */
  async get(tenantId: string, donationId: string): Promise<TimelineGift | undefined> {
    const doc = await this.gifts.findOne({ _id: giftId(tenantId, donationId) }, withMaxTime({}));
    return doc ? toGift(doc) : undefined;
  }
}

function toGift(doc: TimelineGiftDocument): TimelineGift {
  const { _id, donationId, places: _places, ...state } = doc;
  return { ...state, id: donationId };
}
