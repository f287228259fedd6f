// Wiring only, through @kith/service-kit: the stores and use cases on what the kit opened, the
// contact lifecycle consumer, the live gift consumer, the rebuild supervisor and the gRPC
// services as data. Telemetry starts first (the import below must stay first) so grpc and
// mongodb are instrumented when they load.
import { telemetry } from './instrument';

import { ContactLifecycle, personalDataService } from '@kith/contact-lifecycle';
import { ANALYTICS_PROTO } from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { grpcService } from '@kith/grpc-kit';
import type { Logger } from '@kith/logger';
import {
  admissionOf,
  runService,
  serviceDatabaseNames,
  startService,
  type RunningService,
} from '@kith/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { AnalyticsLifecycle } from './app/analytics-lifecycle.service';
import { AnalyticsSettingsService } from './app/analytics-settings.service';
import { DashboardService } from './app/dashboard.service';
import { GiftProjection } from './app/gift-projection.service';
import { analyticsExporter } from './app/personal-data-export';
import { RebuildSupervisor } from './app/rebuild-supervisor';
import { RebuildService } from './app/rebuild.service';
import { loadAnalyticsConfig, type AnalyticsConfig } from './config';
import { DONATION_FACTS_GROUP, liveDonationHandlers } from './events/donation-facts.consumer';
import { kafkaRebuildGroups } from './events/rebuild-groups';
import { mapAnalyticsError } from './grpc/analytics-error.mapper';
import { analyticsHandlers } from './grpc/analytics.handlers';
import { AnalyticsSettingsRepository } from './store/analytics-settings.repository';
import { DonorMerges } from './store/donor-merges.repository';
import { GiftFacts } from './store/gift-facts.repository';
import { ReadModelStates } from './store/read-model-state.repository';
import { RebuildRepository } from './store/rebuild.repository';

/** The consumer group that keeps the contact projection and runs the merge/erasure hooks. */
export const ANALYTICS_CONTACTS_GROUP = 'analytics-contact-lifecycle';

export type RunningAnalyticsService = RunningService;

/** Its main database and its outbox's (`<main>_outbox`). */
export const analyticsDatabaseNames = serviceDatabaseNames;

export function start(
  config: AnalyticsConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningAnalyticsService> {
  const dbNames = analyticsDatabaseNames(config.ANALYTICS_DB_NAME);
  return startService({
    name: 'analytics',
    config,
    ...(opts.logger ? { logger: opts.logger } : {}),
    mongo: { dbName: dbNames.main, maxPoolSize: config.ANALYTICS_DB_POOL_SIZE },
    // The topics it reads may not exist yet: it may start before their owners.
    topics: [TOPICS.analytics, TOPICS.contact, TOPICS.transaction],
    outbox: { dbName: dbNames.outbox },
    grpc: {
      port: config.ANALYTICS_GRPC_PORT,
      admission: admissionOf(config.ANALYTICS_MAX_IN_FLIGHT_CALLS),
      healthBudgetMs: config.ANALYTICS_DB_BUDGET_MS,
    },
    wire: async ({ db, outbox, bus, logger }) => {
      const facts = new GiftFacts(db);
      const merges = new DonorMerges(db);
      const states = new ReadModelStates(db);
      const settingsStore = new AnalyticsSettingsRepository(db, outbox);
      const rebuilds = new RebuildRepository(db, outbox);
      const contacts = new ContactLifecycle(db);
      if (config.MONGO_SECONDARY_INDEXES === 'on') {
        await facts.ensureIndexes();
        await merges.ensureIndexes();
        await states.ensureIndexes();
        await contacts.store.ensureIndexes();
      }
      const lifecycle = new AnalyticsLifecycle({ facts, merges });
      contacts
        .onMerged((victim, survivor, ctx) => lifecycle.onMerged(ctx.tenantId, victim, survivor))
        .onErased((contactId, ctx) => lifecycle.onErased(ctx.tenantId, contactId));
      const gifts = new GiftProjection({ facts, states, projection: contacts.store });
      const groups = kafkaRebuildGroups({
        kafka: bus.kafka,
        db,
        producer: bus.producer,
        topicPrefix: bus.topicPrefix,
        logger,
        gifts,
      });
      const supervisor = new RebuildSupervisor({
        rebuilds,
        states,
        facts,
        groups,
        logger,
        checkEveryMs: config.ANALYTICS_REBUILD_CHECK_MS,
        dropAfterMs: config.ANALYTICS_REBUILD_DROP_AFTER_MS,
      });
      const uses = {
        dashboards: new DashboardService({ settings: settingsStore, states, facts, merges }),
        settings: new AnalyticsSettingsService(settingsStore),
        rebuilds: new RebuildService({
          rebuilds,
          states,
          facts,
          topicEnds: () => groups.topicEnds(),
          supervisor,
          newId: () => uuidv7(),
        }),
      };
      return {
        consumers: [
          // The projection and the hooks are idempotent by construction: no processed marks.
          {
            groupId: ANALYTICS_CONTACTS_GROUP,
            topics: [TOPICS.contact],
            handlers: contacts.handlers(),
            dedupe: 'handler',
          },
          // Gift facts: each event is stored under its donation version (no processed marks).
          {
            groupId: DONATION_FACTS_GROUP,
            topics: [TOPICS.transaction],
            handlers: liveDonationHandlers(gifts),
            dedupe: 'handler',
            fetchMaxWaitMs: config.ANALYTICS_FACTS_FETCH_WAIT_MS,
          },
          supervisor,
        ],
        services: [
          grpcService(
            ANALYTICS_PROTO,
            'kith.analytics.v1.AnalyticsService',
            analyticsHandlers(uses, logger),
          ),
          personalDataService('analytics', analyticsExporter({ facts, states }), {
            logger,
            mapError: mapAnalyticsError,
          }),
        ],
      };
    },
  });
}

if (require.main === module) {
  void runService({ name: 'analytics', loadConfig: loadAnalyticsConfig, start, telemetry });
}
