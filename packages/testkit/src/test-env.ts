// What a test file needs to find its servers and to keep out of other files' way.
import { randomBytes } from 'node:crypto';

export function testInfra(): {
  kafkaBrokers: string[];
  mongoUrl: string;
  mongoSecondaryIndexes: 'on' | 'off';
} {
  const brokers = process.env.KAFKA_BROKERS;
  const mongoUrl = process.env.MONGO_URL;
  if (!brokers || !mongoUrl) {
    throw new Error(
      'KAFKA_BROKERS / MONGO_URL unset: run integration tests with jest.int.config.js',
    );
  }
  const mongoSecondaryIndexes = process.env.MONGO_SECONDARY_INDEXES === 'off' ? 'off' : 'on';
  return { kafkaBrokers: brokers.split(','), mongoUrl, mongoSecondaryIndexes };
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
}

/** A topic prefix unique to one test file or case, e.g. `t-contact-3f9a1c.`. */
export function uniquePrefix(label: string): string {
  return `t-${slug(label)}-${randomBytes(3).toString('hex')}.`;
}

/** A database name unique to one test file or case (MongoDB allows no dots). */
export function testDbName(label: string): string {
  return `t_${slug(label).replace(/-/g, '_')}_${randomBytes(3).toString('hex')}`;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false | null>,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false && value !== null) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 100));
  }
  const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(`timed out waiting for ${opts.what ?? 'condition'}${cause}`);
}
