// The gateway and the real contact and interaction services started in this process against the test servers
// of the global setup, each test file with its own databases and topic prefix. End-to-end
// tests then drive the stack over HTTP only.
import { testDbName, testInfra, TEST_JWT, uniquePrefix } from '@kith/testkit';
import { loadContactConfig } from '../../../contact/src/config';
import { start as startContact } from '../../../contact/src/main';
import { loadInteractionConfig } from '../../../interaction/src/config';
import { start as startInteraction } from '../../../interaction/src/main';
import { loadGatewayConfig } from '../../src/config';
import { start as startGateway } from '../../src/main';

export interface E2eStack {
  baseUrl: string;
  /** Prefix of every topic this stack uses, e.g. to read `${topicPrefix}kith.contact.v1`. */
  topicPrefix: string;
  /** The contact service's database on the test server, for tests that count what it stored. */
  contactDb: { mongoUrl: string; name: string };
  /** The interaction service's database (its outbox in `<name>_outbox`). */
  interactionDb: { mongoUrl: string; name: string };
  stop(): Promise<void>;
}

/**
 * `env` adds to (or overrides) the variables both processes are started with; `contactAddress`
 * puts something between the gateway and the contact service (e.g. a delaying proxy).
 */
export async function startE2eStack(
  label: string,
  env: Record<string, string> = {},
  opts: { contactAddress?: (grpcPort: number) => Promise<string> } = {},
): Promise<E2eStack> {
  const infra = testInfra();
  const topicPrefix = uniquePrefix(label);
  const common = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    MONGO_SECONDARY_INDEXES: infra.mongoSecondaryIndexes,
    KITH_TOPIC_PREFIX: topicPrefix,
    LOG_LEVEL: 'warn',
    ...env,
  };
  const contactDbName = testDbName(`${label}-contact`);
  const contact = await startContact(
    loadContactConfig({ ...common, CONTACT_GRPC_PORT: '0', CONTACT_DB_NAME: contactDbName }),
  );
  const interactionDbName = testDbName(`${label}-interaction`);
  const interaction = await startInteraction(
    loadInteractionConfig({
      ...common,
      INTERACTION_GRPC_PORT: '0',
      INTERACTION_DB_NAME: interactionDbName,
    }),
  ).catch(async (err: unknown) => {
    await contact.stop();
    throw err;
  });
  const gateway = await startGateway(
    loadGatewayConfig({
      ...common,
      GATEWAY_HTTP_PORT: '0',
      GATEWAY_DB_NAME: testDbName(`${label}-gateway`),
      CONTACT_GRPC_ADDRESS: opts.contactAddress
        ? await opts.contactAddress(contact.grpcPort)
        : `127.0.0.1:${contact.grpcPort}`,
      INTERACTION_GRPC_ADDRESS: `127.0.0.1:${interaction.grpcPort}`,
      KITH_JWT_ISSUER: TEST_JWT.issuer,
      KITH_JWT_AUDIENCE: TEST_JWT.audience,
      KITH_JWT_HS256_SECRET: TEST_JWT.hs256Secret,
    }),
  ).catch(async (err: unknown) => {
    await interaction.stop();
    await contact.stop();
    throw err;
  });
  return {
    baseUrl: `http://127.0.0.1:${gateway.httpPort}`,
    topicPrefix,
    contactDb: { mongoUrl: infra.mongoUrl, name: contactDbName },
    interactionDb: { mongoUrl: infra.mongoUrl, name: interactionDbName },
    async stop() {
      await gateway.stop();
      await interaction.stop();
      await contact.stop();
    },
  };
}
