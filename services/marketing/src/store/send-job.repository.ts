// Send jobs: `campaign_sends`, one per campaign (`_id` <tenant>:<campaign>), inserted when a
// send starts (the unique `_id`: one send per campaign) and holding its progress: the last
// contact id whose page was finished and the counts up to it. A job whose process died is
// resumed from there by the next process to start (app/send-worker.ts); the contacts of the
// page in flight are decided again, and those already claimed are counted from the ledger,
// never sent again. Which process runs a job is a lease (`campaign_send_leases`, claimUnique
// with a stale takeover), renewed at every checkpoint; the ledger, not the lease, is what keeps
// a contact from two messages, so a lease lost to a slow process costs time, not mail.
import { claimUnique, releaseClaim } from '@kith/aggregate-store';
import { isDuplicateKeyError, retryTransient } from '@kith/bus';
import type { Collection, Db } from 'mongodb';
import type { SendCounts } from '../domain/campaign';
import { projectionId } from './projection-ids';

export const CAMPAIGN_SENDS_COLLECTION = 'campaign_sends';
export const CAMPAIGN_SEND_LEASES_COLLECTION = 'campaign_send_leases';

export interface SendJob {
  _id: string;
  tenantId: string;
  campaignId: string;
  key: string;
  state: 'running' | 'done';
  afterContactId?: string;
  counts: SendCounts;
  startedAt: string;
  checkpointAt: string;
}

interface SendLease {
  _id: string;
  tenantId: string;
  owner: string;
  claimedAt: string;
}

export class SendJobs {
  readonly jobs: Collection<SendJob>;
  private readonly leases: Collection<SendLease>;

  constructor(
    db: Db,
    private readonly leaseStaleMs: number,
  ) {
    this.jobs = db.collection<SendJob>(CAMPAIGN_SENDS_COLLECTION);
    this.leases = db.collection<SendLease>(CAMPAIGN_SEND_LEASES_COLLECTION);
  }

  static id(tenantId: string, campaignId: string): string {
    return projectionId(tenantId, campaignId);
  }

  /** The job, inserted now or found (another request started it): `created` says which. */
  async open(job: SendJob): Promise<{ job: SendJob; created: boolean }> {
    try {
      await retryTransient(() => this.jobs.insertOne(job));
      return { job, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const found = await this.jobs.findOne({ _id: job._id });
      if (!found) throw err;
      return { job: found, created: false };
    }
  }

  get(tenantId: string, campaignId: string): Promise<SendJob | null> {
    return this.jobs.findOne({ _id: SendJobs.id(tenantId, campaignId) });
  }

  /** Jobs still running, across tenants: a start-up scan of a small collection. */
  running(): Promise<SendJob[]> {
    return this.jobs.find({ state: 'running' }).toArray();
  }

  async checkpoint(
    job: SendJob,
    afterContactId: string,
    counts: SendCounts,
    at: string,
  ): Promise<void> {
    await retryTransient(() =>
      this.jobs.updateOne({ _id: job._id }, { $set: { afterContactId, counts, checkpointAt: at } }),
    );
  }

  async finish(job: SendJob, counts: SendCounts, at: string): Promise<void> {
    await retryTransient(() =>
      this.jobs.updateOne({ _id: job._id }, { $set: { state: 'done', counts, checkpointAt: at } }),
    );
  }

  /** Takes the job's lease for `owner`, or answers false while another live owner holds it. */
  async lease(job: SendJob, owner: string, now: string): Promise<boolean> {
    const result = await claimUnique(
      this.leases,
      { _id: job._id, tenantId: job.tenantId, owner, claimedAt: now },
      { owner: 'owner', claimedAt: 'claimedAt', staleAfterMs: this.leaseStaleMs },
    );
    return result.claimed;
  }

  /** Renews the lease; false when another owner took it over (then this process stops). */
  async renew(job: SendJob, owner: string, now: string): Promise<boolean> {
    const result = await retryTransient(() =>
      this.leases.updateOne({ _id: job._id, owner }, { $set: { claimedAt: now } }),
    );
    return result.matchedCount > 0;
  }

  async release(job: SendJob, owner: string): Promise<void> {
    await releaseClaim(this.leases, job._id, { owner });
  }
}
