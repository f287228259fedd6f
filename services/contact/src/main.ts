// Wiring only, through @kith/service-kit: stores and use cases on what the kit opened, then
// the consumers and gRPC services as data. Telemetry starts first (the import below must stay
// first) so grpc and mongodb are instrumented when they load.
import { telemetry } from './instrument';

import {
  CONTACT_PRIVACY_PROTO,
  CONTACT_IMPORT_PROTO,
  CONTACT_PROTO,
  CUSTOM_FIELD_PROTO,
  DUPLICATE_PROTO,
  HOUSEHOLD_PROTO,
  RELATIONSHIP_PROTO,
} from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { grpcService } from '@kith/grpc-kit';
import { createKeysPruning } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import { runService, startService, type RunningService } from '@kith/service-kit';
import { contactUseCases } from './app/contact-use-cases';
import { loadContactConfig, type ContactConfig } from './config';
import { contactAuditConsumer } from './events/contact-audit.consumer';
import { rebuildContactCreated } from './events/contact-events';
import {
  CONTACT_MERGED_CONSUMER_GROUP,
  contactMergedHandlers,
} from './events/contact-merged.consumer';
import {
  HOUSEHOLD_ADDRESS_CONSUMER_GROUP,
  householdAddressHandlers,
} from './events/household-address.consumer';
import {
  HOUSEHOLD_MEMBERS_CONSUMER_GROUP,
  householdMemberHandlers,
} from './events/household-members.consumer';
import { contactImportHandlers } from './grpc/contact-import.handlers';
import { contactHandlers } from './grpc/contact.handlers';
import { customFieldHandlers } from './grpc/custom-field.handlers';
import { duplicateHandlers } from './grpc/duplicate.handlers';
import { householdHandlers } from './grpc/household.handlers';
import { contactPersonalDataService, contactPrivacyHandlers } from './grpc/privacy.handlers';
import { relationshipHandlers } from './grpc/relationship.handlers';
import { contactDatabaseNames, openContactStores } from './store/contact-stores';
import { CONTACTS_COLLECTION } from './store/contact.model';

export type RunningContactService = RunningService;

export function start(
  config: ContactConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningContactService> {
  const dbNames = contactDatabaseNames(config.CONTACT_DB_NAME);
  return startService({
    name: 'contact',
    config,
    ...(opts.logger ? { logger: opts.logger } : {}),
    mongo: {
      dbName: config.CONTACT_DB_NAME,
      mainDb: dbNames.main,
      maxPoolSize: config.CONTACT_DB_POOL_SIZE,
      waitQueueTimeoutMS: config.CONTACT_DB_POOL_WAIT_MS,
    },
    topics: [TOPICS.contact],
    outbox: {
      // The outbox in a database of its own: on FerretDB that is its own SQLite file, so
      // staging an intent does not queue behind the contact write for the one writer lock of a
      // file (bench/contact-write). On MongoDB it makes no difference.
      dbName: dbNames.outbox,
      // Bulk creates (import) stage ids only; after a crash their events are said again.
      rebuildCreated: { [CONTACTS_COLLECTION]: rebuildContactCreated },
    },
    grpc: {
      port: config.CONTACT_GRPC_PORT,
      admission: {
        maxConcurrent: config.CONTACT_MAX_IN_FLIGHT_CALLS,
        maxPerKey: Math.min(
          config.CONTACT_TENANT_IN_FLIGHT_SHARE,
          config.CONTACT_MAX_IN_FLIGHT_CALLS,
        ),
        maxQueue: config.CONTACT_CALL_QUEUE,
        maxWaitMs: config.CONTACT_CALL_QUEUE_WAIT_MS,
      },
      healthBudgetMs: config.CONTACT_DB_BUDGET_MS,
    },
    wire: async ({ connection, db, outbox, logger }) => {
      // The audit trail in a database of its own too: an import of 100k contacts is 100k
      // audit entries, written while the contacts are (bench/contact-import).
      const auditDb = connection.getClient().db(dbNames.audit);
      const stores = await openContactStores(connection, { db, auditDb }, outbox, {
        secondaryIndexes: config.MONGO_SECONDARY_INDEXES === 'on',
        listBucketSize: config.CONTACT_LIST_BUCKET_SIZE,
        bucketReadBudgetMs: config.CONTACT_LIST_READ_BUDGET_MS,
      });
      const uses = contactUseCases(stores);
      return {
        // Read models the service builds from its own events, each its own consumer group.
        consumers: [
          contactAuditConsumer({ repository: stores.audit }),
          // Renamed or deleted members: refresh their household's names. Members remember the
          // contact version their name came from: replays change nothing.
          {
            groupId: HOUSEHOLD_MEMBERS_CONSUMER_GROUP,
            topics: [TOPICS.contact],
            handlers: householdMemberHandlers(uses.households),
            dedupe: 'handler',
          },
          // Household address changes, joins and leaves: members' inherited address
          // (reachability). Each recompute reads the current household: replays change nothing.
          {
            groupId: HOUSEHOLD_ADDRESS_CONSUMER_GROUP,
            topics: [TOPICS.contact],
            handlers: householdAddressHandlers(uses.householdAddresses),
            dedupe: 'handler',
          },
          // Merged contacts: their relationships and household place move to the survivor.
          {
            groupId: CONTACT_MERGED_CONSUMER_GROUP,
            topics: [TOPICS.contact],
            handlers: contactMergedHandlers(uses.repointing),
          },
        ],
        // Idempotency keys of creates, kept as long as the gateway keeps its own.
        prunedCollections: [createKeysPruning()],
        services: [
          grpcService(
            CONTACT_PROTO,
            'kith.contact.v1.ContactService',
            contactHandlers(uses.contacts, uses.audit, logger, stores.createKeys),
          ),
          grpcService(
            CUSTOM_FIELD_PROTO,
            'kith.contact.v1.CustomFieldService',
            customFieldHandlers(uses.customFields, logger, stores.createKeys),
          ),
          grpcService(
            HOUSEHOLD_PROTO,
            'kith.contact.v1.HouseholdService',
            householdHandlers(uses.households, logger, stores.createKeys),
          ),
          grpcService(
            RELATIONSHIP_PROTO,
            'kith.contact.v1.RelationshipService',
            relationshipHandlers(uses.relationships, logger, stores.createKeys),
          ),
          grpcService(
            CONTACT_PRIVACY_PROTO,
            'kith.contact.v1.ContactPrivacyService',
            contactPrivacyHandlers(uses.eraser, logger),
          ),
          contactPersonalDataService(uses.personalDataExport, logger),
          grpcService(
            DUPLICATE_PROTO,
            'kith.contact.v1.DuplicateService',
            duplicateHandlers(uses.duplicates, uses.merges, logger),
          ),
          grpcService(
            CONTACT_IMPORT_PROTO,
            'kith.contact.v1.ContactImportService',
            contactImportHandlers(uses.imports, logger, stores.createKeys),
          ),
        ],
      };
    },
  });
}

if (require.main === module) {
  void runService({ name: 'contact', loadConfig: loadContactConfig, start, telemetry });
}
