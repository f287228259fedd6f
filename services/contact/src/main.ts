// Wiring only: config -> store -> outbox relay -> gRPC server. Telemetry starts first (the
// import below must stay first) so grpc and mongodb are instrumented when they load.
import { telemetry } from './instrument';

import { createKafka, ensureTopics, EventProducer, Outbox, OutboxRelay } from '@kith/bus';
import {
  CONTACT_PROTO,
  RELATIONSHIP_PROTO,
  type ContactProtoGrpcType,
  type RelationshipProtoGrpcType,
} from '@kith/contracts';
import { TOPICS } from '@kith/events';
import { createGrpcServer, loadProto } from '@kith/grpc-kit';
import { createLogger, type Logger } from '@kith/logger';
import mongoose from 'mongoose';
import { ContactService } from './app/contact.service';
import { RelationshipService } from './app/relationship.service';
import { loadContactConfig, type ContactConfig } from './config';
import { contactHandlers } from './grpc/contact.handlers';
import { relationshipHandlers } from './grpc/relationship.handlers';
import { contactModel, ensureContactIndexes } from './store/contact.model';
import { ContactRepository } from './store/contact.repository';
import { RelationshipContactsReader } from './store/relationship-contacts.reader';
import { RelationshipTypeRepository } from './store/relationship-type.repository';
import { ensureRelationshipIndexes, relationshipModels } from './store/relationship.model';
import { RelationshipRepository } from './store/relationship.repository';

export interface RunningContactService {
  grpcPort: number;
  /** Stops taking calls, lets the relay finish its batch, then closes connections. */
  stop(): Promise<void>;
}

const SERVICE_NAME = 'kith.contact.v1.ContactService';
const RELATIONSHIP_SERVICE_NAME = 'kith.contact.v1.RelationshipService';

export async function start(
  config: ContactConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningContactService> {
  const logger = opts.logger ?? createLogger({ service: 'contact', level: config.LOG_LEVEL });
  // Undone in reverse order on stop, or right away if a later step of start-up fails.
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
    }
  };

  try {
    const connection = await mongoose
      .createConnection(config.MONGO_URL, { dbName: config.CONTACT_DB_NAME })
      .asPromise();
    cleanups.push(() => connection.close());
    const model = contactModel(connection);
    await ensureContactIndexes(model);
    const relationshipStore = relationshipModels(connection);
    await ensureRelationshipIndexes(relationshipStore);
    const db = connection.getClient().db(config.CONTACT_DB_NAME);

    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'kith-contact', logger });
    await ensureTopics(kafka, [TOPICS.contact], { prefix: config.KITH_TOPIC_PREFIX });
    const producer = new EventProducer(kafka, { topicPrefix: config.KITH_TOPIC_PREFIX });
    await producer.connect();
    cleanups.push(() => producer.disconnect());

    // The outbox in a database of its own: on FerretDB that is its own SQLite file, so staging
    // an intent does not queue behind the contact write for the one writer lock of a file
    // (bench/contact-write). On MongoDB it makes no difference.
    const outbox = new Outbox(connection.getClient().db(`${config.CONTACT_DB_NAME}_outbox`));
    const relay = new OutboxRelay({ db, producer, outbox, logger });
    await relay.start();
    cleanups.push(() => relay.stop());

    const contactRepository = new ContactRepository(model, outbox);
    const service = new ContactService({ repository: contactRepository });
    const relationships = new RelationshipService({
      relationships: new RelationshipRepository(relationshipStore, outbox),
      types: new RelationshipTypeRepository(relationshipStore, outbox),
      contacts: contactRepository,
      contactsReader: new RelationshipContactsReader(model),
    });
    const proto = loadProto(CONTACT_PROTO) as unknown as ContactProtoGrpcType;
    const relationshipProto = loadProto(RELATIONSHIP_PROTO) as unknown as RelationshipProtoGrpcType;
    const grpcServer = createGrpcServer({
      logger,
      services: [
        {
          definition: proto.kith.contact.v1.ContactService.service,
          implementation: contactHandlers(service, logger),
          name: SERVICE_NAME,
        },
        {
          definition: relationshipProto.kith.contact.v1.RelationshipService.service,
          implementation: relationshipHandlers(relationships, logger),
          name: RELATIONSHIP_SERVICE_NAME,
        },
      ],
      protoFiles: [CONTACT_PROTO, RELATIONSHIP_PROTO],
    });
    const grpcPort = await grpcServer.start(`0.0.0.0:${config.CONTACT_GRPC_PORT}`);
    cleanups.push(() => grpcServer.stop());
    logger.info({ grpcPort, db: config.CONTACT_DB_NAME }, 'contact service started');
    return { grpcPort, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function main(): Promise<void> {
  const config = loadContactConfig();
  const running = await start(config);
  const shutdown = (signal: string): void => {
    void running
      .stop()
      .then(() => telemetry.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
    process.stderr.write(`contact: ${signal}, stopping\n`);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    // ConfigError lists every bad variable; anything else is a start-up failure.
    process.stderr.write(
      `contact: failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}
