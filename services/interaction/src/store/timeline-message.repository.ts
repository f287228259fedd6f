// The campaign messages of contacts' timelines: `timeline_messages`, one document per message
// (`_id` <tenant>:<message>), the projection of kith.marketing.message.requested.v1. `place`
// is `<contact>:<YYYY-MM>`, a top-level field, so "this contact's messages in this month" is one
// equality FerretDB pushes down, as the gifts' `places`. A message is written once (its `_id`
// makes a redelivery a no-op); merges re-point them and erasures delete them through the
// contact lifecycle hooks, since the marketing service does not publish them again.
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import { withMaxTime } from '@kith/resilience';
import type { Collection, Db, FindOptions } from 'mongodb';
import { placeKey } from '../domain/timeline-gift';
import { messagePlace, type TimelineMessage } from '../domain/timeline-message';
import type { TimelineMonths } from './timeline-months';

export const TIMELINE_MESSAGES_COLLECTION = 'timeline_messages';

interface TimelineMessageDocument extends Omit<TimelineMessage, 'id'> {
  _id: string;
  messageId: string;
  place: string;
}

const messageId = (tenantId: string, id: string) =>
  `${encodeURIComponent(tenantId)}:${encodeURIComponent(id)}`;

function toMessage(doc: TimelineMessageDocument): TimelineMessage {
  const { _id, messageId: id, place: _place, ...state } = doc;
  return { ...state, id };
}

export class TimelineMessages {
  private readonly messages: Collection<TimelineMessageDocument>;

  constructor(
    db: Db,
    private readonly months: TimelineMonths,
  ) {
    this.messages = db.collection<TimelineMessageDocument>(TIMELINE_MESSAGES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.messages.createIndex({ tenantId: 1, place: 1 });
    await this.messages.createIndex({ tenantId: 1, contactId: 1 });
  }

  /** Stores the message once; its month goes into the directory first. */
  async put(message: TimelineMessage): Promise<void> {
    const place = messagePlace(message);
    await this.months.note(message.tenantId, [place]);
    const { id, ...state } = message;
    try {
      await retryTransient(() =>
        this.messages.insertOne({
          _id: messageId(message.tenantId, id),
          ...state,
          messageId: id,
          place: placeKey(place),
        }),
      );
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async inMonth(tenantId: string, contactId: string, month: string): Promise<TimelineMessage[]> {
    const docs = await this.messages
      .find({ tenantId, place: placeKey({ contactId, month }) }, withMaxTime<FindOptions>({}))
      .toArray();
    return docs.map(toMessage);
  }

  async ofContact(tenantId: string, contactId: string): Promise<TimelineMessage[]> {
    return (await this.messages.find({ tenantId, contactId }).toArray()).map(toMessage);
  }

  /** A merge: the victim's messages show on the survivor (one write each, idempotent). */
  async repoint(tenantId: string, victimId: string, survivorId: string): Promise<void> {
    for (const message of await this.ofContact(tenantId, victimId)) {
      const place = messagePlace({ ...message, contactId: survivorId });
      await this.months.note(tenantId, [place]);
      await retryTransient(() =>
        this.messages.updateOne(
          { _id: messageId(tenantId, message.id) },
          { $set: { contactId: survivorId, place: placeKey(place) } },
        ),
      );
    }
  }

  /** An erasure: the person's messages leave every timeline. */
  async eraseContact(tenantId: string, contactId: string): Promise<void> {
    await retryTransient(() => this.messages.deleteMany({ tenantId, contactId }));
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await retryTransient(() => this.messages.deleteOne({ _id: messageId(tenantId, id) }));
  }
}
