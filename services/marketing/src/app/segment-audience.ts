// Who a definition matches now: the tenant's active profiles walked in contact-id order, each
// judged by the pure matchesSegment with its gifts and interactions. How FerretDB shaped it:
// the language has ranges, windows, or/not and list membership, none of which FerretDB 1.24
// pushes down (only top-level equality reaches PostgreSQL), so translating a definition into a
// MongoDB filter would still read every profile of the tenant, in Go, and the giving and
// activity conditions would need $lookup, which it lacks. So the database does the one thing it
// does well (the tenant's profiles, one pushed-down equality, one sorted pass) and the rules run
// here, in one place, the same for count, members and a send (docs/segments.md).
import type { MarketingProfile } from '../domain/marketing-profile';
import { definitionNeeds, type SegmentCondition } from '@kith/contracts';
import { matchesSegment } from '../domain/segment-evaluation';
import type { MarketingFacts } from '../store/marketing-facts.repository';
import type { MarketingProfiles } from '../store/marketing-profile.repository';

export interface AudienceDeps {
  profiles: Pick<MarketingProfiles, 'walk'>;
  facts: Pick<MarketingFacts, 'byContact'>;
}

export class SegmentAudience {
  constructor(private readonly deps: AudienceDeps) {}

  /**
   * The matching profiles after `afterId`, in batches of the walk (possibly empty ones), each
   * with the id of the last profile looked at, so a caller can checkpoint.
   */
  async *matching(
    tenantId: string,
    definition: SegmentCondition,
    now: Date,
    opts: { afterId?: string; batchSize?: number } = {},
  ): AsyncGenerator<{ members: MarketingProfile[]; scanned: number; lastId: string }> {
    const facts = await this.deps.facts.byContact(tenantId, definitionNeeds(definition));
    for await (const batch of this.deps.profiles.walk(tenantId, opts.afterId, opts.batchSize)) {
      const members = batch.filter((profile) =>
        matchesSegment(
          definition,
          {
            profile,
            gifts: facts.gifts.get(profile.id) ?? [],
            activities: facts.activities.get(profile.id) ?? [],
          },
          now,
        ),
      );
      yield { members, scanned: batch.length, lastId: batch[batch.length - 1]?.id ?? '' };
    }
  }

  async count(
    tenantId: string,
    definition: SegmentCondition,
    now: Date,
  ): Promise<{ count: number; scanned: number }> {
    let count = 0;
    let scanned = 0;
    for await (const batch of this.matching(tenantId, definition, now)) {
      count += batch.members.length;
      scanned += batch.scanned;
    }
    return { count, scanned };
  }

  /** One page of members after `afterId`, and whether more may follow. */
  async page(
    tenantId: string,
    definition: SegmentCondition,
    now: Date,
    afterId: string | undefined,
    pageSize: number,
  ): Promise<{ members: MarketingProfile[]; hasMore: boolean }> {
    const members: MarketingProfile[] = [];
    for await (const batch of this.matching(tenantId, definition, now, {
      ...(afterId ? { afterId } : {}),
      batchSize: Math.max(pageSize * 2, 100),
    })) {
      members.push(...batch.members);
      if (members.length > pageSize) return { members: members.slice(0, pageSize), hasMore: true };
    }
    return { members, hasMore: false };
  }
}
