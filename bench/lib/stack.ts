// Starts the real servers (testkit: external, testcontainers or the local test profile)
// and the built services as child processes, so the load generator does not share an
// event loop with them. Requires `corepack pnpm run build` first.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import {
  mongoBackend,
  startInfra,
  TEST_JWT,
  uniquePrefix,
  testDbName,
  waitFor,
  type MongoBackend,
  type RunningInfra,
} from '@kith/testkit';

const repoRoot = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export interface BenchStack {
  infra: RunningInfra;
  /** Which server answers MONGO_URL, so each figure names its backend. */
  backend: MongoBackend;
  /** os.loadavg() before anything of the bench ran: what the neighbours were taking. */
  loadAtStart: string;
  gatewayUrl: string;
  env: Record<string, string>;
  /** The process id of each service (contact, interaction, transaction, marketing, analytics, gateway). */
  pids: Record<string, number>;
  stop(): Promise<void>;
}

function startService(name: string, env: Record<string, string>): ChildProcess {
  // e.g. BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profiles" to profile them.
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const main = path.join(repoRoot, `services/${name}/dist/main.js`);
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${name} exited (${code ?? signal})`);
  });
  return child;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

export async function startStack(label: string): Promise<BenchStack> {
  const loadAtStart = loadAverage();
  const infra = await startInfra();
  const probe = await MongoClient.connect(infra.mongoUrl);
  const backend = await mongoBackend(probe).finally(() => probe.close());
  const [grpcPort, interactionPort, transactionPort, httpPort, analyticsPort, marketingPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env: Record<string, string> = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    MONGO_SECONDARY_INDEXES: infra.mongoSecondaryIndexes,
    KITH_TOPIC_PREFIX: uniquePrefix(label),
    CONTACT_GRPC_PORT: String(grpcPort),
    CONTACT_DB_NAME: testDbName(`${label}-contact`),
    INTERACTION_GRPC_PORT: String(interactionPort),
    INTERACTION_DB_NAME: testDbName(`${label}-interaction`),
    TRANSACTION_GRPC_PORT: String(transactionPort),
    TRANSACTION_DB_NAME: testDbName(`${label}-transaction`),
    ANALYTICS_GRPC_PORT: String(analyticsPort),
    ANALYTICS_DB_NAME: testDbName(`${label}-analytics`),
    MARKETING_GRPC_PORT: String(marketingPort),
    MARKETING_DB_NAME: testDbName(`${label}-marketing`),
    GATEWAY_HTTP_PORT: String(httpPort),
    GATEWAY_DB_NAME: testDbName(`${label}-gateway`),
    CONTACT_GRPC_ADDRESS: `127.0.0.1:${grpcPort}`,
    INTERACTION_GRPC_ADDRESS: `127.0.0.1:${interactionPort}`,
    TRANSACTION_GRPC_ADDRESS: `127.0.0.1:${transactionPort}`,
    ANALYTICS_GRPC_ADDRESS: `127.0.0.1:${analyticsPort}`,
    MARKETING_GRPC_ADDRESS: `127.0.0.1:${marketingPort}`,
    KITH_JWT_ISSUER: TEST_JWT.issuer,
    KITH_JWT_AUDIENCE: TEST_JWT.audience,
    KITH_JWT_HS256_SECRET: TEST_JWT.hs256Secret,
    // The benches measure the service path, one user at full speed: no rate limit in the way.
    GATEWAY_RATE_LIMIT_TENANT_PER_S: '1000000',
    GATEWAY_RATE_LIMIT_TENANT_BURST: '1000000',
    GATEWAY_RATE_LIMIT_USER_PER_S: '1000000',
    GATEWAY_RATE_LIMIT_USER_BURST: '1000000',
    // ... and no per-tenant share below the bulkhead: one bench tenant may use all of it.
    GATEWAY_UPSTREAM_MAX_CONCURRENT: '16',
    GATEWAY_UPSTREAM_TENANT_SHARE: '16',
    GATEWAY_SCAN_TENANT_SHARE: '4',
  };
  // Every service the gateway's readiness asks for, then the gateway.
  const names = ['contact', 'interaction', 'transaction', 'marketing', 'analytics', 'gateway'];
  const children = names.map((name) => startService(name, env));
  const gatewayUrl = `http://127.0.0.1:${httpPort}`;
  await waitFor(async () => (await fetch(`${gatewayUrl}/readyz`)).ok, {
    timeoutMs: 60000,
    what: 'gateway /readyz',
  });
  return {
    infra,
    backend,
    loadAtStart,
    gatewayUrl,
    env,
    pids: Object.fromEntries(names.map((name, i) => [name, children[i]?.pid ?? 0])),
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await infra.stop();
    },
  };
}

/** One line naming the servers and the machine's load, printed beside every figure. */
export function describeRun(stack: BenchStack): string {
  return (
    `${stack.infra.kind} servers, ${stack.backend}, ${os.cpus().length} cores, ` +
    `load average ${stack.loadAtStart} at start, ${loadAverage()} now`
  );
}
