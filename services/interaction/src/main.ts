// Wiring only, through @kith/service-kit: the stores and use cases on what the kit opened, the
// contact lifecycle consumer and the gRPC services as data. Telemetry starts first (the import
// below must stay first) so grpc and mongodb are instrumented when they load.
import { telemetry } from './instrument';

import { ContactLifecycle, personalDataService } from '@kith/contact-lifecycle';
import { INTERACTION_FIELD_LIMITS, INTERACTION_PROTO } from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { grpcService } from '@kith/grpc-kit';
import { IdempotentCreates, createKeysPruning } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import {
  admissionOf,
  runService,
  serviceDatabaseNames,
  startService,
  type RunningService,
} from '@kith/service-kit';
import { ContactStandings } from './app/contact-standings';
import { InteractionLifecycleService } from './app/interaction-lifecycle.service';
import { InteractionService } from './app/interaction.service';
import { MAIL_KEYS_COLLECTION, MailIngestService } from './app/mail-ingest.service';
import { interactionExporter } from './app/personal-data-export';
import { TimelineService } from './app/timeline.service';
import { loadInteractionConfig, type InteractionConfig } from './config';
import {
  DONATION_TIMELINE_GROUP,
  donationTimelineHandlers,
} from './events/donation-timeline.consumer';
import {
  CAMPAIGN_MESSAGE_TIMELINE_GROUP,
  campaignMessageTimelineHandlers,
} from './events/campaign-message-timeline.consumer';
import { interactionHandlers } from './grpc/interaction.handlers';
import { mapInteractionError } from './grpc/interaction-error.mapper';
import { ContactFates } from './store/contact-fates.repository';
import { InteractionRepository } from './store/interaction.repository';
import { TimelineGifts } from './store/timeline-gift.repository';
import { TimelineMessages } from './store/timeline-message.repository';
import { TimelineMonths } from './store/timeline-months';
import { backfillTimelineMonths } from './store/timeline-months-backfill';

/** The consumer group that keeps the contact projection and runs the merge/erasure hooks. */
export const INTERACTION_CONTACTS_GROUP = 'interaction-contact-lifecycle';
/** A raw message and the rest of its request. */
const MAX_REQUEST_BYTES = INTERACTION_FIELD_LIMITS.rawMailBytes + 64 * 1024;

export type RunningInteractionService = RunningService;

/** Its main database and its outbox's (`<main>_outbox`). */
export const interactionDatabaseNames = serviceDatabaseNames;

export function start(
  config: InteractionConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningInteractionService> {
  const dbNames = interactionDatabaseNames(config.INTERACTION_DB_NAME);
  return startService({
    name: 'interaction',
    config,
    ...(opts.logger ? { logger: opts.logger } : {}),
    mongo: { dbName: dbNames.main, maxPoolSize: config.INTERACTION_DB_POOL_SIZE },
    // The transaction and marketing topics too: the projections may start before their owners.
    topics: [TOPICS.interaction, TOPICS.contact, TOPICS.transaction, TOPICS.marketing],
    // Its own database, as the contact service's: on FerretDB/SQLite a writer lock of its own.
    outbox: { dbName: dbNames.outbox },
    grpc: {
      port: config.INTERACTION_GRPC_PORT,
      admission: admissionOf(config.INTERACTION_MAX_IN_FLIGHT_CALLS),
      healthBudgetMs: config.INTERACTION_DB_BUDGET_MS,
      maxReceiveMessageBytes: MAX_REQUEST_BYTES,
    },
    wire: async ({ db, outbox, logger }) => {
      const months = new TimelineMonths(db);
      const interactions = new InteractionRepository(db, outbox, months);
      const gifts = new TimelineGifts(db, months);
      const messages = new TimelineMessages(db, months);
      const fates = new ContactFates(db);
      const contacts = new ContactLifecycle(db);
      if (config.MONGO_SECONDARY_INDEXES === 'on') {
        await interactions.ensureIndexes();
        await contacts.store.ensureIndexes();
        await months.ensureIndexes();
        await gifts.ensureIndexes();
        await messages.ensureIndexes();
      }
      // Before the service takes calls: interactions stored before timelines walked months.
      await backfillTimelineMonths(db, months);
      const lifecycle = new InteractionLifecycleService({
        interactions,
        fates,
        projection: contacts.store,
      });
      // The interaction hooks first: they record the contact's fate before anything is swept.
      contacts
        .onMerged((victim, survivor, ctx) => lifecycle.onMerged(victim, survivor, ctx))
        .onErased((contactId, ctx) => lifecycle.onErased(contactId, ctx))
        .onMerged((victim, survivor, ctx) => messages.repoint(ctx.tenantId, victim, survivor))
        .onErased((contactId, ctx) => messages.eraseContact(ctx.tenantId, contactId));
      const standings = new ContactStandings(contacts.store, fates);
      const service = new InteractionService({ interactions, standings, lifecycle });
      const timeline = new TimelineService({ interactions, gifts, messages, months, standings });
      const mail = new MailIngestService({
        interactions: service,
        projection: contacts.store,
        mailKeys: new IdempotentCreates(db, { collection: MAIL_KEYS_COLLECTION }),
      });
      return {
        consumers: [
          // The projection and the hooks are idempotent by construction: no processed marks.
          {
            groupId: INTERACTION_CONTACTS_GROUP,
            topics: [TOPICS.contact],
            handlers: contacts.handlers(),
            dedupe: 'handler',
          },
          // Gifts on timelines: each event replaces an older version (no processed marks).
          {
            groupId: DONATION_TIMELINE_GROUP,
            topics: [TOPICS.transaction],
            handlers: donationTimelineHandlers(gifts),
            dedupe: 'handler',
          },
          // Campaign messages on timelines: each stored once by its id (no processed marks).
          {
            groupId: CAMPAIGN_MESSAGE_TIMELINE_GROUP,
            topics: [TOPICS.marketing],
            handlers: campaignMessageTimelineHandlers(messages, standings),
            dedupe: 'handler',
          },
        ],
        // Idempotency keys of creates, kept as long as the gateway keeps its own.
        prunedCollections: [createKeysPruning()],
        services: [
          grpcService(
            INTERACTION_PROTO,
            'kith.interaction.v1.InteractionService',
            interactionHandlers(
              { interactions: service, mail, timeline },
              new IdempotentCreates(db),
              logger,
            ),
          ),
          personalDataService('interaction', interactionExporter(interactions, messages), {
            logger,
            mapError: mapInteractionError,
          }),
        ],
      };
    },
  });
}

if (require.main === module) {
  void runService({ name: 'interaction', loadConfig: loadInteractionConfig, start, telemetry });
}
