// The timeline use case over in-memory stores: pages walk the contact's months newest first,
// read only as many months as a page needs, and page through every entry exactly once (a gift
// found again in its refund's month counts once); a contact that is not live is NOT_FOUND.
import { TimelineService } from '../src/app/timeline.service';
import type { ContactStanding } from '../src/domain/contact-standing';
import type { Interaction } from '../src/domain/interaction';
import type { InteractionListQuery } from '../src/domain/interaction-list-query';
import { giftPlaces, type TimelineGift } from '../src/domain/timeline-gift';
import { callWith, giftOf } from './support/timeline-fixtures';

const CONTACT = 'c-jane';

const call = (id: string, occurredAt: string) => callWith(id, occurredAt, [CONTACT]);

/** A gift of Jane's, refunded in part at `refundedAt` if given. */
const gift = (id: string, receivedAt: string, refundedAt?: string): TimelineGift =>
  giftOf({
    id,
    donorId: CONTACT,
    receivedAt,
    softCredits: [],
    refundedMinor: refundedAt ? 400 : 0,
    refunds: refundedAt ? [{ id: `r-${id}`, amountMinor: 400, refundedAt }] : [],
  });

function bed(opts: {
  interactions?: Interaction[];
  gifts?: TimelineGift[];
  standing?: ContactStanding;
}) {
  const interactions = opts.interactions ?? [];
  const gifts = opts.gifts ?? [];
  const monthsRead: string[] = [];
  const months = new Set<string>([
    ...interactions.map((i) => i.occurredAt.slice(0, 7)),
    ...gifts.flatMap((g) => giftPlaces(g).map((p) => p.month)),
  ]);
  const service = new TimelineService({
    standings: {
      standing: async () => opts.standing ?? { state: 'live', kind: 'person', id: CONTACT },
    },
    months: { newestFirst: async () => [...months].sort().reverse() },
    messages: { inMonth: async () => [] },
    interactions: {
      async inContactMonth(query: InteractionListQuery, _contact: string, month: string) {
        monthsRead.push(month);
        return interactions.filter(
          (i) => i.occurredAt.startsWith(month) && (!query.type || i.type === query.type),
        );
      },
    },
    gifts: {
      inMonth: async (_tenant: string, contactId: string, month: string) =>
        gifts.filter((g) =>
          giftPlaces(g).some((p) => p.contactId === contactId && p.month === month),
        ),
    },
  });
  return { service, monthsRead };
}

const ask = { tenantId: 't-1', contactId: CONTACT };

describe('TimelineService.page', () => {
  it('reads only the newest months a page needs', async () => {
    const { service, monthsRead } = bed({
      interactions: [
        call('i-dec', '2026-12-03T09:00:00.000Z'),
        call('i-nov', '2026-11-03T09:00:00.000Z'),
        call('i-oct', '2026-10-03T09:00:00.000Z'),
        call('i-jan', '2026-01-03T09:00:00.000Z'),
      ],
    });

    const page = await service.page({ ...ask, pageSize: 1 });

    expect(page.entries.map((e) => e.key)).toEqual(['i-dec']);
    expect(page.nextPageToken).toBeDefined();
    // One month, then two: the page (and the one that says more follow) are found by then.
    expect(monthsRead).toEqual(['2026-12', '2026-11', '2026-10']);
  });

  it('pages through interactions, gifts and refunds once each, newest first', async () => {
    const { service } = bed({
      interactions: [
        call('i-1', '2026-12-03T09:00:00.000Z'),
        call('i-2', '2026-11-30T09:00:00.000Z'),
        call('i-3', '2026-09-01T09:00:00.000Z'),
      ],
      gifts: [
        gift('d-1', '2026-11-30T09:00:00.000Z', '2026-12-02T09:00:00.000Z'),
        gift('d-2', '2026-10-15T09:00:00.000Z'),
      ],
    });

    const keys: string[] = [];
    let pageToken = '';
    do {
      const page = await service.page({ ...ask, pageSize: 2, pageToken });
      keys.push(...page.entries.map((e) => e.key));
      pageToken = page.nextPageToken ?? '';
    } while (pageToken);

    expect(keys).toEqual(['i-1', 'refund_r-d-1', 'i-2', 'gift_d-1', 'gift_d-2', 'i-3']);
  });

  it('keeps to the kinds and the range asked for', async () => {
    const { service } = bed({
      interactions: [call('i-1', '2026-12-03T09:00:00.000Z')],
      gifts: [gift('d-1', '2026-11-30T09:00:00.000Z', '2026-12-02T09:00:00.000Z')],
    });

    const refunds = await service.page({ ...ask, kinds: ['refund'] });
    const november = await service.page({
      ...ask,
      occurredFrom: '2026-11-01T00:00:00Z',
      occurredTo: '2026-12-01T00:00:00Z',
    });

    expect(refunds.entries.map((e) => e.key)).toEqual(['refund_r-d-1']);
    expect(november.entries.map((e) => e.key)).toEqual(['gift_d-1']);
  });

  it("answers NOT_FOUND for a contact that is not live, naming a merge victim's survivor", async () => {
    const erased = bed({ standing: { state: 'erased' } }).service;
    const merged = bed({ standing: { state: 'live', kind: 'person', id: 'c-survivor' } }).service;

    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => undefined,
        (err: unknown) => err,
      );
    const gone = await refusal(erased.page(ask));
    const victim = await refusal(merged.page(ask));

    expect(gone).toMatchObject({ code: 'NOT_FOUND' });
    expect(victim).toMatchObject({ code: 'NOT_FOUND', facts: { mergedInto: 'c-survivor' } });
  });
});
