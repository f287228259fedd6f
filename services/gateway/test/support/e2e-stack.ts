// The gateway and the real contact, interaction, transaction and marketing services started in this
// process against the test servers of the global setup, each test file with its own databases
// and topic prefix. End-to-end tests then drive the stack over HTTP only.
import { testDbName, testInfra, TEST_JWT, uniquePrefix } from '@kith/testkit';
import { loadContactConfig } from '../../../contact/src/config';
import { start as startContact } from '../../../contact/src/main';
import { loadInteractionConfig } from '../../../interaction/src/config';
import { start as startInteraction } from '../../../interaction/src/main';
import { loadGatewayConfig } from '../../src/config';
import { start as startGateway } from '../../src/main';
import { loadTransactionConfig } from '../../../transaction/src/config';
import { start as startTransaction } from '../../../transaction/src/main';
import { loadAnalyticsConfig } from '../../../analytics/src/config';
import { start as startAnalytics } from '../../../analytics/src/main';
import { loadMarketingConfig } from '../../../marketing/src/config';
import { start as startMarketing } from '../../../marketing/src/main';

export interface E2eStack {
  baseUrl: string;
  /** Prefix of every topic this stack uses, e.g. to read `${topicPrefix}kith.contact.v1`. */
  topicPrefix: string;
  /** The contact service's database on the test server, for tests that count what it stored. */
  contactDb: { mongoUrl: string; name: string };
  /** The interaction service's database (its outbox in `<name>_outbox`). */
  interactionDb: { mongoUrl: string; name: string };
  /** The transaction service's main database (its outbox is `<name>_outbox`). */
  transactionDb: { mongoUrl: string; name: string };
  /** The analytics service's main database (its outbox is `<name>_outbox`). */
  analyticsDb: { mongoUrl: string; name: string };
  /** The marketing service's main database (its outbox is `<name>_outbox`). */
  marketingDb: { mongoUrl: string; name: string };
  /** The gateway's own database: stored Idempotency-Key answers, rate-limit state. */
  gatewayDb: { mongoUrl: string; name: string };
  stop(): Promise<void>;
}

type Between = (grpcPort: number) => Promise<string>;

/**
 * `env` adds to (or overrides) the variables every process is started with; `contactAddress`
 * and `transactionAddress` put something between the gateway and that service (e.g. a delaying
 * proxy).
 */
export async function startE2eStack(
  label: string,
  env: Record<string, string> = {},
  opts: { contactAddress?: Between; transactionAddress?: Between } = {},
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
  const transactionDbName = testDbName(`${label}-transaction`);
  const marketingDbName = testDbName(`${label}-marketing`);
  const gatewayDbName = testDbName(`${label}-gateway`);
  const analyticsDbName = testDbName(`${label}-analytics`);
  // The contact service made the contact topic: its consumers can start together.
  const [interaction, transaction, analytics, marketing] = await Promise.all([
    startInteraction(
      loadInteractionConfig({
        ...common,
        INTERACTION_GRPC_PORT: '0',
        INTERACTION_DB_NAME: interactionDbName,
      }),
    ),
    startTransaction(
      loadTransactionConfig({
        ...common,
        TRANSACTION_GRPC_PORT: '0',
        TRANSACTION_DB_NAME: transactionDbName,
      }),
    ),
    startAnalytics(
      loadAnalyticsConfig({
        ...common,
        ANALYTICS_GRPC_PORT: '0',
        ANALYTICS_DB_NAME: analyticsDbName,
      }),
    ),
    // Campaign mail goes to the test profile's Mailpit (deploy/local) when there is one.
    startMarketing(
      loadMarketingConfig({
        ...(process.env.MARKETING_SMTP_URL
          ? { MARKETING_SMTP_URL: process.env.MARKETING_SMTP_URL }
          : {}),
        ...common,
        MARKETING_GRPC_PORT: '0',
        MARKETING_DB_NAME: marketingDbName,
      }),
    ),
  ]).catch(async (err: unknown) => {
    await contact.stop();
    throw err;
  });
  const transactionAddress = opts.transactionAddress
    ? await opts.transactionAddress(transaction.grpcPort)
    : `127.0.0.1:${transaction.grpcPort}`;
  const gateway = await startGateway(
    loadGatewayConfig({
      ...common,
      GATEWAY_HTTP_PORT: '0',
      GATEWAY_DB_NAME: gatewayDbName,
      CONTACT_GRPC_ADDRESS: opts.contactAddress
        ? await opts.contactAddress(contact.grpcPort)
        : `127.0.0.1:${contact.grpcPort}`,
      INTERACTION_GRPC_ADDRESS: `127.0.0.1:${interaction.grpcPort}`,
      TRANSACTION_GRPC_ADDRESS: transactionAddress,
      ANALYTICS_GRPC_ADDRESS: `127.0.0.1:${analytics.grpcPort}`,
      MARKETING_GRPC_ADDRESS: `127.0.0.1:${marketing.grpcPort}`,
      KITH_JWT_ISSUER: TEST_JWT.issuer,
      KITH_JWT_AUDIENCE: TEST_JWT.audience,
      KITH_JWT_HS256_SECRET: TEST_JWT.hs256Secret,
    }),
  ).catch(async (err: unknown) => {
    await Promise.all([interaction.stop(), transaction.stop(), marketing.stop(), analytics.stop()]);
    await contact.stop();
    throw err;
  });
  return {
    baseUrl: `http://127.0.0.1:${gateway.httpPort}`,
    topicPrefix,
    contactDb: { mongoUrl: infra.mongoUrl, name: contactDbName },
    interactionDb: { mongoUrl: infra.mongoUrl, name: interactionDbName },
    transactionDb: { mongoUrl: infra.mongoUrl, name: transactionDbName },
    marketingDb: { mongoUrl: infra.mongoUrl, name: marketingDbName },
    gatewayDb: { mongoUrl: infra.mongoUrl, name: gatewayDbName },
    analyticsDb: { mongoUrl: infra.mongoUrl, name: analyticsDbName },
    async stop() {
      await gateway.stop();
      await Promise.all([
        interaction.stop(),
        transaction.stop(),
        marketing.stop(),
        analytics.stop(),
      ]);
      await contact.stop();
    },
  };
}
