// Starts the interaction service in-process against the test servers, with its own databases
// and topic prefix, and a typed client of its gRPC services.
import { randomUUID } from 'node:crypto';
import {
  INTERACTION_PROTO,
  PERSONAL_DATA_PROTO,
  type InteractionProtoGrpcType,
  type PersonalDataProtoGrpcType,
} from '@kith/contracts';
import { createTypedClient, loadProto, type CallContext } from '@kith/grpc-kit';
import { everyStoredDocument, testDbName, testInfra, uniquePrefix } from '@kith/testkit';
import { MongoClient, type Db } from 'mongodb';
import { loadInteractionConfig } from '../../src/config';
import { interactionDatabaseNames, start, type RunningInteractionService } from '../../src/main';

export function newTenant(): string {
  return `tenant-${randomUUID()}`;
}

export const caller = (tenantId: string, userId = 'user-1'): CallContext => ({
  tenantId,
  userId,
  roles: ['admin'],
});

function clients(port: number) {
  const address = `127.0.0.1:${port}`;
  const interactionProto = loadProto(INTERACTION_PROTO) as unknown as InteractionProtoGrpcType;
  const exportProto = loadProto(PERSONAL_DATA_PROTO) as unknown as PersonalDataProtoGrpcType;
  return {
    interactions: createTypedClient(
      interactionProto.kith.interaction.v1.InteractionService,
      address,
    ),
    personalData: createTypedClient(exportProto.kith.privacy.v1.PersonalDataService, address),
  };
}

export type InteractionClients = ReturnType<typeof clients>;

export interface TestInteractionService extends InteractionClients {
  service: RunningInteractionService;
  prefix: string;
  dbName: string;
  /** The service's main database (projection, interactions), for tests that look inside. */
  db: Db;
  /** Every document of every collection of the service's databases, as JSON text. */
  storedDocuments(): Promise<string[]>;
  /** Documents left in the outbox (0 once the relay drained it). */
  outboxSize(): Promise<number>;
  stop(): Promise<void>;
}

export async function startInteractionService(
  label: string,
  env: Record<string, string> = {},
): Promise<TestInteractionService> {
  const { kafkaBrokers, mongoUrl, mongoSecondaryIndexes } = testInfra();
  const prefix = uniquePrefix(label);
  const dbName = testDbName(label);
  const service = await start(
    loadInteractionConfig({
      KAFKA_BROKERS: kafkaBrokers.join(','),
      MONGO_URL: mongoUrl,
      MONGO_SECONDARY_INDEXES: mongoSecondaryIndexes,
      INTERACTION_GRPC_PORT: '0',
      INTERACTION_DB_NAME: dbName,
      KITH_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      ...env,
    }),
  );
  const mongo = await new MongoClient(mongoUrl).connect();
  const names = Object.values(interactionDatabaseNames(dbName));
  const grpc = clients(service.grpcPort);
  return {
    ...grpc,
    service,
    prefix,
    dbName,
    db: mongo.db(dbName),
    storedDocuments: () => everyStoredDocument(mongo, names),
    outboxSize: () => mongo.db(`${dbName}_outbox`).collection('outbox').countDocuments({}),
    async stop() {
      grpc.interactions.close();
      grpc.personalData.close();
      await service.stop();
      for (const name of names) await mongo.db(name).dropDatabase();
      await mongo.close();
    },
  };
}
