// Wiring only, through @kith/service-kit: the stores and use cases on what the kit opened, the
// consumers (contact lifecycle, giving, activity, the send worker) and the gRPC services as
// data. Telemetry starts first (the import below must stay first) so grpc and mongodb are
// instrumented when they load.
import { telemetry } from './instrument';

import { personalDataService } from '@kith/contact-lifecycle';
import { MARKETING_PROTO } from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { grpcService } from '@kith/grpc-kit';
import { createKeysPruning } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import {
  admissionOf,
  runService,
  serviceDatabaseNames,
  startService,
  type RunningService,
} from '@kith/service-kit';
import { smtpMailer, type Mailer } from './app/campaign-mailer';
import { marketingUseCases, type MarketingUseCases } from './app/marketing-use-cases';
import { loadMarketingConfig, type MarketingConfig } from './config';
import {
  MARKETING_ACTIVITY_GROUP,
  MARKETING_GIVING_GROUP,
  activityHandlers,
  givingHandlers,
} from './events/marketing-projections.consumer';
import { mapMarketingError } from './grpc/marketing-error.mapper';
import { campaignHandlers, segmentHandlers } from './grpc/marketing.handlers';

/** The consumer group that keeps the contact projection and profiles and runs the hooks. */
export const MARKETING_CONTACTS_GROUP = 'marketing-contact-lifecycle';

export type RunningMarketingService = RunningService & { uses: MarketingUseCases };

/** Its main database and its outbox's (`<main>_outbox`). */
export const marketingDatabaseNames = serviceDatabaseNames;

export async function start(
  config: MarketingConfig,
  opts: { logger?: Logger; mailer?: Mailer } = {},
): Promise<RunningMarketingService> {
  const dbNames = marketingDatabaseNames(config.MARKETING_DB_NAME);
  let uses: MarketingUseCases | undefined;
  const running = await startService({
    name: 'marketing',
    config,
    ...(opts.logger ? { logger: opts.logger } : {}),
    mongo: { dbName: dbNames.main, maxPoolSize: config.MARKETING_DB_POOL_SIZE },
    // The topics it consumes too: its projections may start before their owners.
    topics: [TOPICS.marketing, TOPICS.contact, TOPICS.transaction, TOPICS.interaction],
    outbox: { dbName: dbNames.outbox },
    grpc: {
      port: config.MARKETING_GRPC_PORT,
      admission: admissionOf(config.MARKETING_MAX_IN_FLIGHT_CALLS),
      healthBudgetMs: config.MARKETING_DB_BUDGET_MS,
    },
    wire: async ({ db, outbox, logger }) => {
      uses = await marketingUseCases(db, outbox, {
        secondaryIndexes: config.MONGO_SECONDARY_INDEXES === 'on',
        mailer:
          opts.mailer ??
          smtpMailer(config.MARKETING_SMTP_URL, {
            maxConnections: config.MARKETING_SMTP_CONNECTIONS,
            timeoutMs: config.MARKETING_SMTP_TIMEOUT_MS,
          }),
        logger,
        defaultFrom: config.MARKETING_FROM_ADDRESS,
        sendBatch: config.MARKETING_SEND_BATCH,
        sendConcurrency: config.MARKETING_SMTP_CONNECTIONS,
        leaseStaleMs: config.MARKETING_SEND_LEASE_STALE_MS,
      });
      return {
        consumers: [
          // The projections and the hooks are idempotent by construction: no processed marks.
          {
            groupId: MARKETING_CONTACTS_GROUP,
            topics: [TOPICS.contact],
            handlers: uses.contacts.handlers(),
            dedupe: 'handler',
          },
          {
            groupId: MARKETING_GIVING_GROUP,
            topics: [TOPICS.transaction],
            handlers: givingHandlers(uses.facts),
            dedupe: 'handler',
          },
          {
            groupId: MARKETING_ACTIVITY_GROUP,
            topics: [TOPICS.interaction],
            handlers: activityHandlers(uses.facts),
            dedupe: 'handler',
          },
          // Last: sends left running by a previous process resume once the projections run.
          uses.worker,
        ],
        prunedCollections: [createKeysPruning()],
        services: [
          grpcService(
            MARKETING_PROTO,
            'kith.marketing.v1.SegmentService',
            segmentHandlers(uses.segments, uses.creates, logger),
          ),
          grpcService(
            MARKETING_PROTO,
            'kith.marketing.v1.CampaignService',
            campaignHandlers(uses.campaigns, uses.creates, logger),
          ),
          personalDataService('marketing', uses.exporter, { logger, mapError: mapMarketingError }),
        ],
      };
    },
  });
  return { ...running, uses: uses as MarketingUseCases };
}

if (require.main === module) {
  void runService({ name: 'marketing', loadConfig: loadMarketingConfig, start, telemetry });
}
