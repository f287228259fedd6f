// One contact's timeline (domain/timeline.ts): NOT_FOUND unless the contact is live here, then
// a page walked month by month, newest first, through the contact's month directory: each
// month is one read of the contact's interactions (participant and month, both pushed-down
// equalities) and one of the gifts with an entry of theirs in it (one pushed-down equality on
// `places`) and one of its campaign messages (one on `place`), so a page costs the months it shows, not the contact's whole history. Months are
// disjoint, so once the months read hold a page, later months cannot change it. Nothing here
// calls or reads the transaction service: gifts come from this service's projection.
import { buildPage } from '@kith/paging';
import {
  nextPageToken,
  matchesNothing,
  parseListQuery,
  type InteractionListQuery,
  type ListInput,
} from '../domain/interaction-list-query';
import { InteractionError } from '../domain/interaction-error';
import {
  entryPosition,
  giftEntriesFor,
  interactionEntry,
  matches,
  messageEntry,
  monthsToRead,
  newestFirst,
  wantsGifts,
  wantsKind,
  wantsMessages,
  type TimelineEntry,
} from '../domain/timeline';
import type { InteractionRepository } from '../store/interaction.repository';
import type { TimelineGifts } from '../store/timeline-gift.repository';
import type { TimelineMessages } from '../store/timeline-message.repository';
import type { TimelineMonths } from '../store/timeline-months';
import type { ContactStandings } from './contact-standings';

export interface TimelineServiceDeps {
  interactions: Pick<InteractionRepository, 'inContactMonth'>;
  gifts: Pick<TimelineGifts, 'inMonth'>;
  messages: Pick<TimelineMessages, 'inMonth'>;
  months: Pick<TimelineMonths, 'newestFirst'>;
  standings: Pick<ContactStandings, 'standing'>;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  nextPageToken?: string;
}

/** Months read at once while a page is not full: 1, then 2, then this many per round. */
const MAX_MONTHS_PER_ROUND = 4;

export class TimelineService {
  constructor(private readonly deps: TimelineServiceDeps) {}

  async page(input: ListInput & { contactId: string }): Promise<TimelinePage> {
    const query = parseListQuery('timeline', input);
    const standing = await this.deps.standings.standing(input.tenantId, input.contactId);
    if (standing.state !== 'live') throw InteractionError.contactNotFound(input.contactId);
    if (standing.id !== input.contactId) {
      throw InteractionError.contactNotFound(input.contactId, standing.id);
    }
    if (matchesNothing(query)) return { entries: [] };
    const contactId = input.contactId;
    const months = monthsToRead(
      await this.deps.months.newestFirst(query.tenantId, contactId),
      query,
    );
    const want = query.pageSize + 1;
    const found: TimelineEntry[] = [];
    for (let next = 0, size = 1; next < months.length && found.length < want;) {
      const round = months.slice(next, next + size);
      const read = await Promise.all(round.map((m) => this.month(query, contactId, m, want)));
      for (const entries of read) found.push(...entries);
      next += round.length;
      size = Math.min(size * 2, MAX_MONTHS_PER_ROUND);
    }
    const { items, next } = buildPage(found, query.pageSize, entryPosition);
    return next
      ? { entries: items, nextPageToken: nextPageToken('timeline', query, next) }
      : { entries: items };
  }

  /** The contact's entries of one month that the page wants, newest first, at most `want`. */
  private async month(
    query: InteractionListQuery,
    contactId: string,
    month: string,
    want: number,
  ): Promise<TimelineEntry[]> {
    const [interactions, gifts, messages] = await Promise.all([
      wantsKind(query, 'interaction')
        ? this.deps.interactions.inContactMonth(query, contactId, month, want)
        : [],
      wantsGifts(query) ? this.deps.gifts.inMonth(query.tenantId, contactId, month) : [],
      wantsMessages(query) ? this.deps.messages.inMonth(query.tenantId, contactId, month) : [],
    ]);
    // A gift is found in every month it has an entry in (its refunds'); each entry counts once,
    // in its own month.
    return [
      ...interactions.map(interactionEntry),
      ...gifts.flatMap((gift) => giftEntriesFor(gift, contactId)),
      ...messages.map(messageEntry),
    ]
      .filter((entry) => entry.occurredAt.startsWith(month) && matches(entry, query))
      .sort(newestFirst)
      .slice(0, want);
  }
}
