// Segment use cases: create, read, change, delete (each decided by domain/segment.ts and
// written through the outbox), list, and the audience questions (count, members, preview).
import { PAGE_SIZE_LIMITS, pageTokens, parsePageRequest } from '@kith/paging';
import type { MarketingProfile } from '../domain/marketing-profile';
import { SegmentError } from '../domain/marketing-error';
import {
  decideCreateSegment,
  decideDeleteSegment,
  decideUpdateSegment,
  definitionOrThrow,
  type Segment,
  type SegmentDecision,
} from '../domain/segment';
import { segmentOutboxItems } from '../events/marketing-events';
import type { AggregateRepository } from '../store/marketing-aggregates.repository';
import type { SegmentAudience } from './segment-audience';

export interface CallActor {
  tenantId: string;
  userId: string;
}

const isId = (p: unknown): p is string => typeof p === 'string' && p.length > 0 && p.length < 600;
const segmentPages = pageTokens<string>('segments', { isPosition: isId });
const memberPages = pageTokens<string>('segment-members', { isPosition: isId });

export interface PageInput {
  pageSize?: number;
  pageToken?: string;
}

function parsedPage(page: PageInput, tokens: typeof segmentPages, scope: unknown) {
  const parsed = parsePageRequest(page, tokens, PAGE_SIZE_LIMITS, scope);
  if (parsed.errors.length > 0) {
    throw SegmentError.validation(parsed.errors.map((e) => ({ ...e, field: `page.${e.field}` })));
  }
  return parsed;
}

export class SegmentService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      segments: AggregateRepository<Segment>;
      audience: SegmentAudience;
      newId: () => string;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(
    actor: CallActor,
    input: { name: string; description?: string; definitionJson: string },
    id = this.deps.newId(),
  ) {
    const decision = decideCreateSegment(input, {
      id,
      tenantId: actor.tenantId,
      actorId: actor.userId,
      now: this.now().toISOString(),
    });
    await this.deps.segments.insert(decision.segment, segmentOutboxItems(decision.events));
    return decision.segment;
  }

  async get(tenantId: string, id: string): Promise<Segment> {
    const stored = await this.deps.segments.findById(tenantId, id);
    if (!stored) throw SegmentError.notFound(id);
    return stored.value;
  }

  /** A segment a campaign may use: it exists and is not deleted. */
  async usable(tenantId: string, id: string): Promise<Segment> {
    const segment = await this.get(tenantId, id);
    if (segment.deletedAt) throw SegmentError.refused(`segment ${id} is deleted`);
    return segment;
  }

  update(actor: CallActor, id: string, change: Parameters<typeof decideUpdateSegment>[1]) {
    return this.write(actor, id, (s, now) =>
      decideUpdateSegment(s, change, { actorId: actor.userId, now }),
    );
  }

  delete(actor: CallActor, id: string, expectedVersion: number) {
    return this.write(actor, id, (s, now) =>
      decideDeleteSegment(s, { expectedVersion }, { actorId: actor.userId, now }),
    );
  }

  private async write(
    actor: CallActor,
    id: string,
    decide: (s: Segment, now: string) => SegmentDecision,
  ) {
    // The caller sent the version it saw: a lost race is its 409, not retried here.
    const stored = await this.deps.segments.findById(actor.tenantId, id);
    if (!stored) throw SegmentError.notFound(id);
    const decision = decide(stored.value, this.now().toISOString());
    await this.deps.segments.update(
      decision.segment,
      stored.outboxLog,
      segmentOutboxItems(decision.events),
    );
    return decision.segment;
  }

  async list(tenantId: string, page: PageInput) {
    const parsed = parsedPage(page, segmentPages, tenantId);
    const found = await this.deps.segments.list(tenantId, parsed.after, parsed.pageSize, {
      deletedAt: { $exists: false },
    });
    const last = found.items[found.items.length - 1];
    return {
      segments: found.items,
      nextPageToken: found.hasMore && last ? segmentPages.encode(last.id, tenantId) : '',
    };
  }

  async count(tenantId: string, id: string) {
    const segment = await this.get(tenantId, id);
    return this.deps.audience.count(tenantId, segment.definition, this.now());
  }

  preview(tenantId: string, definitionJson: string) {
    return this.deps.audience.count(tenantId, definitionOrThrow(definitionJson), this.now());
  }

  async members(
    tenantId: string,
    id: string,
    page: PageInput,
  ): Promise<{ members: MarketingProfile[]; nextPageToken: string }> {
    const segment = await this.get(tenantId, id);
    const scope = [tenantId, id, segment.version];
    const parsed = parsedPage(page, memberPages, scope);
    const found = await this.deps.audience.page(
      tenantId,
      segment.definition,
      this.now(),
      parsed.after,
      parsed.pageSize,
    );
    const last = found.members[found.members.length - 1];
    return {
      members: found.members,
      nextPageToken: found.hasMore && last ? memberPages.encode(last.id, scope) : '',
    };
  }
}
