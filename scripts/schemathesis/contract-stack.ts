// The stack schemathesis runs against: the e2e harness's gateway, contact, interaction and
// transaction services in this process (services/gateway/test/support/e2e-stack.ts) on the test
// servers (@kith/testkit's startInfra: reused when running, else started and stopped after), a
// tenant of its own with a few seeded records, then schemathesis itself with the seeded ids in
// its environment (scripts/schemathesis/schemathesis.toml reads them). Exits with schemathesis'
// status. Run by scripts/schemathesis.sh, which provides the pinned schemathesis.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { mintTestJwt, startInfra } from '@kith/testkit';
import { startE2eStack } from '../../services/gateway/test/support/e2e-stack';
import { seedRecords } from './seed-records';

const ROOT = path.resolve(__dirname, '../..');
const CONFIG_FILE = process.env.KITH_ST_CONFIG ?? path.join(__dirname, 'schemathesis.toml');

/**
 * Limits lifted so the run's thousands of calls are refused for what they send, not their rate;
 * and gifts naming contact ids nobody created (most drawn ids) refused at once rather than
 * after the 2 s a gift waits for a contact created a moment ago.
 */
const STACK_ENV = {
  TRANSACTION_UNKNOWN_CONTACT_WAIT_MS: '50',
  GATEWAY_RATE_LIMIT_TENANT_PER_S: '100000',
  GATEWAY_RATE_LIMIT_TENANT_BURST: '100000',
  GATEWAY_RATE_LIMIT_USER_PER_S: '100000',
  GATEWAY_RATE_LIMIT_USER_BURST: '100000',
  // Schemathesis sends invalid tokens on purpose (ignored_auth): their limiter is per address.
  GATEWAY_RATE_LIMIT_ADDRESS_PER_S: '100000',
  GATEWAY_RATE_LIMIT_ADDRESS_BURST: '100000',
};

function runSchemathesis(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: 'inherit', env, cwd: ROOT });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const [bin, ...extraArgs] = process.argv.slice(2);
  if (!bin) throw new Error('usage: contract-stack.ts <schemathesis binary> [schemathesis args]');
  const started = Date.now();
  const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const infra = await startInfra();
  try {
    process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
    process.env.MONGO_URL = infra.mongoUrl;
    process.env.MONGO_SECONDARY_INDEXES = infra.mongoSecondaryIndexes;
    const stack = await startE2eStack('schemathesis', STACK_ENV);
    try {
      const token = mintTestJwt({
        tenant: `contract-${randomUUID().slice(0, 8)}`,
        sub: 'contract-tester',
        roles: ['admin'],
        expiresInSeconds: 3600,
      });
      process.stderr.write(`[schemathesis] stack up at ${stack.baseUrl} after ${took()}\n`);
      const seeded = await seedRecords(stack.baseUrl, token);
      process.stderr.write(`[schemathesis] seeded after ${took()}: ${JSON.stringify(seeded)}\n`);
      return await runSchemathesis(
        bin,
        ['--config-file', CONFIG_FILE, 'run', `${stack.baseUrl}/v1/openapi.json`, ...extraArgs],
        { ...process.env, ...seeded, KITH_ST_TOKEN: token },
      );
    } finally {
      await stack.stop();
    }
  } finally {
    await infra.stop();
  }
}

main().then(
  (status) => process.exit(status),
  (err: unknown) => {
    process.stderr.write(
      `[schemathesis] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(2);
  },
);
