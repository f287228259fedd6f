// Runs campaign sends in the background: a job started by SendCampaign, and on start every job
// a previous process left running (crashed, or stopped mid-send). Each job walks the segment's
// audience from its checkpoint in batches, decides every recipient (campaign-send.ts), saves
// the checkpoint and renews its lease after each batch, and at the end marks the campaign sent
// with the counts (kith.marketing.campaign.sent.v1). Started and stopped by the kit with the
// consumers (a StartableConsumer): stop lets the recipients in flight finish, then leaves the
// job for the next start.
import { retryOnVersionConflict } from '@kith/bus';
import type { Logger } from '@kith/logger';
import {
  decideFinishSend,
  decideStartSend,
  type Campaign,
  type SendCounts,
} from '../domain/campaign';
import type { Segment } from '../domain/segment';
import { campaignOutboxItems } from '../events/marketing-events';
import type { AggregateRepository } from '../store/marketing-aggregates.repository';
import type { SendJob, SendJobs } from '../store/send-job.repository';
import { sendToRecipient, tally, type RecipientDeps } from './campaign-send';
import type { SegmentAudience } from './segment-audience';

export interface SendWorkerDeps extends RecipientDeps {
  campaigns: AggregateRepository<Campaign>;
  segments: AggregateRepository<Segment>;
  audience: SegmentAudience;
  jobs: SendJobs;
  logger: Logger;
  /** This process, as the owner of the leases it takes. */
  owner: string;
  batchSize: number;
  concurrency: number;
  /** How long to wait before trying again for a lease another process holds (its staleness). */
  leaseRetryMs: number;
}

const cloneCounts = (c: SendCounts): SendCounts => ({ ...c, excluded: { ...c.excluded } });

export class SendWorker {
  private readonly running = new Map<string, Promise<void>>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(private readonly deps: SendWorkerDeps) {}

  /** Resumes every job left running; they go on in the background. */
  async start(): Promise<void> {
    this.stopping = false;
    for (const job of await this.deps.jobs.running()) this.kick(job);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    await Promise.allSettled([...this.running.values()]);
    this.deps.mailer.close();
  }

  /** Runs the job unless this process runs it already; answers when it ends (tests). */
  kick(job: SendJob): Promise<void> {
    const existing = this.running.get(job._id);
    if (existing) return existing;
    const run = this.run(job)
      .catch((err: unknown) =>
        this.deps.logger.error(
          { err, job: job._id },
          'campaign send failed; resumed on next start',
        ),
      )
      .finally(() => this.running.delete(job._id));
    this.running.set(job._id, run);
    return run;
  }

  /** The sends in flight in this process (tests wait on them). */
  idle(): Promise<unknown> {
    return Promise.allSettled([...this.running.values()]);
  }

  private async run(job: SendJob): Promise<void> {
    const { jobs, owner } = this.deps;
    if (!(await jobs.lease(job, owner, new Date().toISOString()))) {
      // Held: by a live process (it finishes the job), or by one that died a moment ago (its
      // lease goes stale): look again then, or a restart right after a crash would never resume.
      this.retryLater(job);
      return;
    }
    try {
      await this.execute(job);
    } finally {
      await jobs.release(job, owner).catch(() => undefined);
    }
  }

  private async execute(job: SendJob): Promise<void> {
    const { deps } = this;
    let campaign = await this.sendingCampaign(job);
    if (!campaign) return;
    const segment = (await deps.segments.findById(job.tenantId, campaign.segmentId))?.value;
    if (!segment)
      throw new Error(`segment ${campaign.segmentId} of campaign ${campaign.id} is gone`);
    const counts = cloneCounts(job.counts);
    const batches = deps.audience.matching(job.tenantId, segment.definition, deps.now(), {
      ...(job.afterContactId ? { afterId: job.afterContactId } : {}),
      batchSize: deps.batchSize,
    });
    for await (const batch of batches) {
      if (this.stopping) return;
      const queue = [...batch.members];
      const sender = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          tally(counts, await sendToRecipient(deps, campaign as Campaign, next.id));
        }
      };
      await Promise.all(Array.from({ length: deps.concurrency }, sender));
      const at = deps.now().toISOString();
      await deps.jobs.checkpoint(job, batch.lastId, counts, at);
      if (!(await deps.jobs.renew(job, deps.owner, at))) return;
    }
    campaign = await this.finish(job, counts);
    deps.logger.info({ campaign: campaign.id, counts }, 'campaign sent');
  }

  private retryLater(job: SendJob): void {
    if (this.stopping) return;
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      void this.deps.jobs.get(job.tenantId, job.campaignId).then(
        (current) => {
          if (current?.state === 'running' && !this.stopping) void this.kick(current);
        },
        (err: unknown) => this.deps.logger.warn({ err, job: job._id }, 'send job unreadable'),
      );
    }, this.deps.leaseRetryMs);
    timer.unref();
    this.retries.add(timer);
  }

  /** The campaign in state sending; a job whose campaign update was cut by a crash moves it now. */
  private async sendingCampaign(job: SendJob): Promise<Campaign | undefined> {
    return retryOnVersionConflict(async () => {
      const stored = await this.deps.campaigns.findById(job.tenantId, job.campaignId);
      if (!stored) return undefined;
      const campaign = stored.value;
      if (campaign.state === 'sent') {
        await this.deps.jobs.finish(job, campaign.counts ?? job.counts, campaign.updatedAt);
        return undefined;
      }
      if (campaign.state === 'sending') return campaign;
      const started = decideStartSend(campaign, job.key, this.deps.now().toISOString());
      if (!started.start) return started.campaign;
      await this.deps.campaigns.update(started.decision.campaign, stored.outboxLog, []);
      return started.decision.campaign;
    });
  }

  private async finish(job: SendJob, counts: SendCounts): Promise<Campaign> {
    const at = this.deps.now().toISOString();
    const campaign = await retryOnVersionConflict(async () => {
      const stored = await this.deps.campaigns.findById(job.tenantId, job.campaignId);
      if (!stored) throw new Error(`campaign ${job.campaignId} is gone`);
      const decision = decideFinishSend(stored.value, counts, at);
      if (decision.events.length > 0) {
        await this.deps.campaigns.update(
          decision.campaign,
          stored.outboxLog,
          campaignOutboxItems(decision.events),
        );
      }
      return decision.campaign;
    });
    await this.deps.jobs.finish(job, counts, at);
    return campaign;
  }
}
