// Chooses and starts the real servers the integration tests run against:
//  1. KAFKA_BROKERS and MONGO_URL already set: use them as they are.
//  2. A Docker engine is reachable (or KITH_TEST_INFRA=testcontainers): MongoDB and
//     Kafka images through testcontainers.
//  3. Otherwise the project's own local servers (deploy/local, profile "test", their
//     own ports), reused when already running, started fresh and stopped after if not.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface RunningInfra {
  kafkaBrokers: string[];
  mongoUrl: string;
  /** MONGO_SECONDARY_INDEXES for the services: off only on FerretDB's SQLite backend. */
  mongoSecondaryIndexes: 'on' | 'off';
  kind: 'external' | 'local' | 'testcontainers';
  /** The local Mailpit's SMTP relay and web API (deploy/local), when this kind has one. */
  mail?: { smtpUrl: string; apiUrl: string };
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../../..');
const localScript = (name: string) => path.join(repoRoot, 'deploy/local', name);

function dockerEngineReachable(): boolean {
  if (process.env.DOCKER_HOST) return true;
  return fs.existsSync('/var/run/docker.sock');
}

export function chooseInfraKind(env = process.env): RunningInfra['kind'] {
  if (env.KAFKA_BROKERS && env.MONGO_URL) return 'external';
  if (env.KITH_TEST_INFRA === 'local') return 'local';
  if (env.KITH_TEST_INFRA === 'testcontainers' || dockerEngineReachable()) return 'testcontainers';
  return 'local';
}

function secondaryIndexesSetting(value: string | undefined): 'on' | 'off' {
  return value === 'off' ? 'off' : 'on';
}

function parseAssignments(output: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) values[match[1]] = match[2];
  }
  return values;
}

function startLocal(): RunningInfra {
  const env = { ...process.env, KITH_INFRA_PROFILE: 'test' };
  let alreadyRunning = false;
  try {
    execFileSync('bash', [localScript('status.sh')], { env, stdio: 'ignore' });
    alreadyRunning = true;
  } catch {
    alreadyRunning = false;
  }
  // A fresh start wipes the test profile's data so topics of old runs do not pile up.
  const args = alreadyRunning ? [localScript('start.sh')] : [localScript('start.sh'), '--fresh'];
  const output = execFileSync('bash', args, {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const values = parseAssignments(output);
  if (!values.KAFKA_BROKERS || !values.MONGO_URL)
    throw new Error('deploy/local/start.sh gave no addresses');
  return {
    kind: 'local',
    kafkaBrokers: values.KAFKA_BROKERS.split(','),
    mongoUrl: values.MONGO_URL,
    mongoSecondaryIndexes: secondaryIndexesSetting(values.MONGO_SECONDARY_INDEXES),
    ...(values.MARKETING_SMTP_URL && values.MAILPIT_URL
      ? { mail: { smtpUrl: values.MARKETING_SMTP_URL, apiUrl: values.MAILPIT_URL } }
      : {}),
    async stop() {
      if (!alreadyRunning)
        execFileSync('bash', [localScript('stop.sh')], { env, stdio: 'inherit' });
    },
  };
}

async function startTestcontainers(): Promise<RunningInfra> {
  // Loaded only here: machines without Docker never touch these modules.
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { GenericContainer } = await import('testcontainers');
  // The same Mailpit release deploy/local provisions: SMTP 1025, its web API 8025.
  const [mongo, kafka, mailpit] = await Promise.all([
    new MongoDBContainer('mongo:7.0').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
    new GenericContainer('axllent/mailpit:v1.33.1').withExposedPorts(1025, 8025).start(),
  ]);
  const mailHost = mailpit.getHost();
  return {
    kind: 'testcontainers',
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    mongoUrl: `${mongo.getConnectionString()}/?directConnection=true`,
    mongoSecondaryIndexes: 'on',
    mail: {
      smtpUrl: `smtp://${mailHost}:${mailpit.getMappedPort(1025)}`,
      apiUrl: `http://${mailHost}:${mailpit.getMappedPort(8025)}`,
    },
    async stop() {
      await Promise.all([mongo.stop(), kafka.stop(), mailpit.stop()]);
    },
  };
}

export async function startInfra(env = process.env): Promise<RunningInfra> {
  const kind = chooseInfraKind(env);
  if (kind === 'external') {
    return {
      kind,
      kafkaBrokers: (env.KAFKA_BROKERS ?? '').split(','),
      mongoUrl: env.MONGO_URL ?? '',
      mongoSecondaryIndexes: secondaryIndexesSetting(env.MONGO_SECONDARY_INDEXES),
      async stop() {},
    };
  }
  return kind === 'testcontainers' ? startTestcontainers() : startLocal();
}
