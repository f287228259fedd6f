import { z } from 'zod';
import {
  commonConfigShape,
  ConfigError,
  describeConfig,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
  redactConfig,
  sensitive,
} from '../src';

const schema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  CONTACT_GRPC_PORT: z.coerce.number().int().min(0).max(65535).default(50051).describe('Port.'),
  KITH_JWT_HS256_SECRET: sensitive(z.string().min(8).describe('Shared HS256 secret.')).optional(),
});

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('loadConfig', () => {
  it('parses values and applies defaults', () => {
    const config = loadConfig(schema, {
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
      MONGO_URL: 'mongodb://127.0.0.1:27017/',
      CONTACT_GRPC_PORT: '6000',
    });

    expect(config).toEqual({
      LOG_LEVEL: 'info',
      KITH_TOPIC_PREFIX: '',
      KITH_SHUTDOWN_TIMEOUT_MS: 10000,
      OTEL_TRACES_EXPORTER: 'none',
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
      MONGO_URL: 'mongodb://127.0.0.1:27017/',
      MONGO_SECONDARY_INDEXES: 'on',
      CONTACT_GRPC_PORT: 6000,
    });
  });

  it('turns secondary indexes off only when asked, and rejects anything but on or off', () => {
    const base = { KAFKA_BROKERS: 'k:1', MONGO_URL: 'mongodb://h/' };

    expect(loadConfig(schema, { ...base, MONGO_SECONDARY_INDEXES: 'off' })).toMatchObject({
      MONGO_SECONDARY_INDEXES: 'off',
    });
    const err = thrownBy(() =>
      loadConfig(schema, { ...base, MONGO_SECONDARY_INDEXES: 'false' }),
    ) as ConfigError;
    expect(err.problems).toEqual([expect.stringMatching(/^MONGO_SECONDARY_INDEXES/)]);
  });

  it('treats an empty value as unset so the default applies', () => {
    const config = loadConfig(schema, {
      KAFKA_BROKERS: '127.0.0.1:9092',
      MONGO_URL: 'mongodb://h/',
      LOG_LEVEL: '',
    });

    expect(config.LOG_LEVEL).toBe('info');
  });

  it('lists every missing and invalid variable in one ConfigError', () => {
    const err = thrownBy(() =>
      loadConfig(schema, { LOG_LEVEL: 'loud', CONTACT_GRPC_PORT: 'x', MONGO_URL: 'http://h' }),
    );

    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/KAFKA_BROKERS is required/);
    expect(problems.join('\n')).toMatch(/MONGO_URL: expected a mongodb/);
    expect(problems.join('\n')).toMatch(/CONTACT_GRPC_PORT/);
    expect((err as Error).message).toContain('KAFKA_BROKERS');
  });

  it('never repeats a rejected secret value in the error', () => {
    const err = thrownBy(() =>
      loadConfig(schema, {
        KAFKA_BROKERS: 'k:1',
        MONGO_URL: 'mongodb://h/',
        KITH_JWT_HS256_SECRET: 'short',
      }),
    ) as ConfigError;

    expect(err.problems).toEqual([expect.stringMatching(/^KITH_JWT_HS256_SECRET: /)]);
    expect(err.message).not.toContain('short');
  });

  it('rejects a broker list without ports', () => {
    const err = thrownBy(() =>
      loadConfig(schema, { KAFKA_BROKERS: 'localhost', MONGO_URL: 'mongodb://h/' }),
    ) as ConfigError;

    expect(err.problems).toEqual([expect.stringMatching(/^KAFKA_BROKERS/)]);
  });
});

describe('describeConfig', () => {
  it('describes each variable with its description, default, requiredness and secrecy', () => {
    const described = describeConfig(schema);

    expect(described).toContainEqual({
      name: 'KAFKA_BROKERS',
      description: 'Comma-separated Kafka bootstrap brokers, e.g. 127.0.0.1:9092.',
      required: true,
      sensitive: false,
    });
    expect(described).toContainEqual({
      name: 'CONTACT_GRPC_PORT',
      description: 'Port.',
      required: false,
      default: 50051,
      sensitive: false,
    });
    expect(described).toContainEqual({
      name: 'KITH_JWT_HS256_SECRET',
      description: 'Shared HS256 secret.',
      required: false,
      sensitive: true,
    });
  });

  it('finds a description on every shared variable', () => {
    const shared = z.object({ ...commonConfigShape, ...kafkaConfigShape, ...mongoConfigShape });

    const missing = describeConfig(shared).filter((v) => v.description === '');

    expect(missing).toEqual([]);
  });
});

describe('redactConfig', () => {
  it('replaces sensitive values and keeps the rest', () => {
    const redacted = redactConfig(schema, {
      MONGO_URL: 'mongodb://h/',
      KITH_JWT_HS256_SECRET: 's',
    });

    expect(redacted).toEqual({ MONGO_URL: 'mongodb://h/', KITH_JWT_HS256_SECRET: '[redacted]' });
  });
});
