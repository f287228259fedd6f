// Campaign use cases: create a draft (its segment must be usable), read, list, start a send
// (one per campaign, idempotent on the caller's key; the send itself runs in SendWorker) and
// the attribution of gifts to it.
import { retryOnVersionConflict } from '@kith/bus';
import { PAGE_SIZE_LIMITS, pageTokens, parsePageRequest } from '@kith/paging';
import { attribute, type Attribution } from '../domain/attribution';
import {
  decideCreateCampaign,
  decideStartSend,
  emptyCounts,
  type Campaign,
} from '../domain/campaign';
import { CampaignError, SegmentError } from '../domain/marketing-error';
import { campaignOutboxItems } from '../events/marketing-events';
import type { AggregateRepository } from '../store/marketing-aggregates.repository';
import type { MarketingFacts } from '../store/marketing-facts.repository';
import { SendJobs } from '../store/send-job.repository';
import type { CallActor, PageInput, SegmentService } from './segment.service';
import type { SendWorker } from './send-worker';

const isId = (p: unknown): p is string => typeof p === 'string' && p.length > 0 && p.length < 200;
const campaignPages = pageTokens<string>('campaigns', { isPosition: isId });

export interface CampaignServiceDeps {
  campaigns: AggregateRepository<Campaign>;
  segments: Pick<SegmentService, 'usable'>;
  jobs: SendJobs;
  worker: Pick<SendWorker, 'kick'>;
  facts: Pick<MarketingFacts, 'attributedGifts'>;
  defaultFrom: string;
  newId: () => string;
  now?: () => Date;
}

export type CreateCampaignInput = Parameters<typeof decideCreateCampaign>[0];

export class CampaignService {
  private readonly now: () => Date;

  constructor(private readonly deps: CampaignServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(
    actor: CallActor,
    input: CreateCampaignInput,
    id = this.deps.newId(),
  ): Promise<Campaign> {
    const decision = decideCreateCampaign(input, {
      id,
      tenantId: actor.tenantId,
      actorId: actor.userId,
      now: this.now().toISOString(),
      defaultFrom: this.deps.defaultFrom,
    });
    await this.segmentUsable(actor.tenantId, input.segmentId);
    await this.deps.campaigns.insert(decision.campaign, campaignOutboxItems(decision.events));
    return decision.campaign;
  }

  async get(tenantId: string, id: string): Promise<Campaign> {
    const stored = await this.deps.campaigns.findById(tenantId, id);
    if (!stored) throw CampaignError.notFound(id);
    return this.withProgress(stored.value);
  }

  async list(tenantId: string, page: PageInput) {
    const parsed = parsePageRequest(page, campaignPages, PAGE_SIZE_LIMITS, tenantId);
    if (parsed.errors.length > 0) {
      throw CampaignError.validation(
        parsed.errors.map((e) => ({ ...e, field: `page.${e.field}` })),
      );
    }
    const found = await this.deps.campaigns.list(tenantId, parsed.after, parsed.pageSize);
    const last = found.items[found.items.length - 1];
    return {
      campaigns: found.items,
      nextPageToken: found.hasMore && last ? campaignPages.encode(last.id, tenantId) : '',
    };
  }

  /**
   * Starts the send under the caller's key: the job's unique `_id` makes it one per campaign;
   * the same key answers the same send, another key FAILED_PRECONDITION.
   */
  async send(actor: CallActor, id: string, key: string): Promise<Campaign> {
    if (!key) {
      throw CampaignError.validation([
        { field: 'idempotency-key', message: 'is required to send' },
      ]);
    }
    const current = await this.get(actor.tenantId, id);
    if (current.state !== 'draft') {
      if (current.sendKey === key) return current;
      throw CampaignError.refused(`campaign ${id} is ${current.state} already`);
    }
    await this.segmentUsable(actor.tenantId, current.segmentId);
    const at = this.now().toISOString();
    const { job, created } = await this.deps.jobs.open({
      _id: SendJobs.id(actor.tenantId, id),
      tenantId: actor.tenantId,
      campaignId: id,
      key,
      state: 'running',
      counts: emptyCounts(),
      startedAt: at,
      checkpointAt: at,
    });
    if (!created && job.key !== key)
      throw CampaignError.refused(`campaign ${id} is being sent already`);
    const campaign = await retryOnVersionConflict(async () => {
      const stored = await this.deps.campaigns.findById(actor.tenantId, id);
      if (!stored) throw CampaignError.notFound(id);
      const started = decideStartSend(stored.value, key, this.now().toISOString());
      if (!started.start) return started.campaign;
      await this.deps.campaigns.update(started.decision.campaign, stored.outboxLog, []);
      return started.decision.campaign;
    });
    void this.deps.worker.kick(job);
    return { ...campaign, counts: job.counts };
  }

  async attribution(tenantId: string, id: string): Promise<Attribution> {
    const campaign = await this.get(tenantId, id);
    const gifts = await this.deps.facts.attributedGifts(tenantId, id, campaign.sourceCode);
    return attribute(campaign, gifts, campaign.counts?.sent ?? 0);
  }

  /** A campaign still sending shows the counts of its last checkpoint. */
  private async withProgress(campaign: Campaign): Promise<Campaign> {
    if (campaign.state !== 'sending') return campaign;
    const job = await this.deps.jobs.get(campaign.tenantId, campaign.id);
    return job ? { ...campaign, counts: job.counts } : campaign;
  }

  private async segmentUsable(tenantId: string, segmentId: string): Promise<void> {
    try {
      await this.deps.segments.usable(tenantId, segmentId);
    } catch (err) {
      if (!(err instanceof SegmentError)) throw err;
      throw CampaignError.refused(
        `segment ${segmentId} cannot be used: ${(err as Error).message}`,
        [{ field: 'segmentId', message: 'is not a live segment of this tenant' }],
      );
    }
  }
}
