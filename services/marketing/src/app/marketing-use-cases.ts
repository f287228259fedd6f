// Builds the marketing service's use cases from what the kit opened, for main.ts: the stores,
// the contact lifecycle with its snapshot, merge and erasure hooks, the audience, the segment
// and campaign services and the send worker.
import { randomUUID } from 'node:crypto';
import type { Outbox } from '@kith/bus';
import { ContactLifecycle, type PersonalDataExporter } from '@kith/contact-lifecycle';
import { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { Db } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { CampaignMessages } from '../store/campaign-message.repository';
import { campaignRepository, segmentRepository } from '../store/marketing-aggregates.repository';
import { MarketingFacts } from '../store/marketing-facts.repository';
import { MarketingProfiles } from '../store/marketing-profile.repository';
import { SendJobs } from '../store/send-job.repository';
import { Suppressions } from '../store/suppression.repository';
import type { Mailer } from './campaign-mailer';
import { CampaignService } from './campaign.service';
import { marketingExporter } from './marketing-export';
import { MarketingLifecycleService } from './marketing-lifecycle.service';
import { SegmentAudience } from './segment-audience';
import { SegmentService } from './segment.service';
import { SendWorker } from './send-worker';

export interface MarketingUseCases {
  segments: SegmentService;
  campaigns: CampaignService;
  worker: SendWorker;
  contacts: ContactLifecycle;
  profiles: MarketingProfiles;
  facts: MarketingFacts;
  messages: CampaignMessages;
  creates: IdempotentCreates;
  exporter: PersonalDataExporter;
}

export interface MarketingUseCaseOptions {
  secondaryIndexes: boolean;
  mailer: Mailer;
  logger: Logger;
  defaultFrom: string;
  sendBatch: number;
  sendConcurrency: number;
  leaseStaleMs: number;
}

export async function marketingUseCases(
  db: Db,
  outbox: Outbox,
  opts: MarketingUseCaseOptions,
): Promise<MarketingUseCases> {
  const profiles = new MarketingProfiles(db);
  const facts = new MarketingFacts(db);
  const messages = new CampaignMessages(db, outbox);
  const suppressions = new Suppressions(db);
  const segmentStore = segmentRepository(db, outbox);
  const campaignStore = campaignRepository(db, outbox);
  const jobs = new SendJobs(db, opts.leaseStaleMs);
  const contacts = new ContactLifecycle(db);
  if (opts.secondaryIndexes) {
    await profiles.ensureIndexes();
    await facts.ensureIndexes();
    await messages.ensureIndexes();
    await segmentStore.ensureIndexes();
    await campaignStore.ensureIndexes();
    await contacts.store.ensureIndexes();
  }
  const lifecycle = new MarketingLifecycleService({ profiles, facts, messages, suppressions });
  contacts
    .onSnapshot((snapshot) => lifecycle.onSnapshot(snapshot))
    .onMerged((victim, survivor, ctx) => lifecycle.onMerged(victim, survivor, ctx))
    .onErased((contactId, ctx) => lifecycle.onErased(contactId, ctx));
  const audience = new SegmentAudience({ profiles, facts });
  const newId = () => uuidv7();
  const segments = new SegmentService({ segments: segmentStore, audience, newId });
  const worker = new SendWorker({
    campaigns: campaignStore,
    segments: segmentStore,
    audience,
    jobs,
    profiles,
    suppressions,
    messages,
    mailer: opts.mailer,
    newId,
    now: () => new Date(),
    logger: opts.logger,
    owner: `${process.pid}:${randomUUID()}`,
    batchSize: opts.sendBatch,
    concurrency: opts.sendConcurrency,
    leaseRetryMs: opts.leaseStaleMs,
  });
  const campaigns = new CampaignService({
    campaigns: campaignStore,
    segments,
    jobs,
    worker,
    facts,
    defaultFrom: opts.defaultFrom,
    newId,
  });
  return {
    segments,
    campaigns,
    worker,
    contacts,
    profiles,
    facts,
    messages,
    creates: new IdempotentCreates(db),
    exporter: marketingExporter(profiles, messages),
  };
}
