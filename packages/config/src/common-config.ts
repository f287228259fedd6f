import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Variables every Kith process reads. */
export const commonConfigShape = {
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info').describe('Minimum level written to the JSON log.'),
  KITH_TOPIC_PREFIX: z
    .string()
    .default('')
    .describe('Prepended to every Kafka topic name; tests use a unique prefix per run.'),
  OTEL_TRACES_EXPORTER: z
    .enum(['none', 'otlp', 'console'])
    .default('none')
    .describe('Where traces go: none, an OTLP/HTTP collector, or the console.'),
  KITH_SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(10_000)
    .describe(
      'How long a process told to stop (SIGTERM, SIGINT) drains before it exits anyway, in ' +
        "milliseconds. Keep it below the orchestrator's grace period (Kubernetes: 30 s).",
    ),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url()
    .optional()
    .describe('Base URL of the OTLP/HTTP collector, e.g. http://127.0.0.1:4318.'),
};

export const kafkaConfigShape = {
  KAFKA_BROKERS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter((b) => b.length > 0),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1))
    .describe('Comma-separated Kafka bootstrap brokers, e.g. 127.0.0.1:9092.'),
};

export const mongoConfigShape = {
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URL')
    .describe('MongoDB connection string (FerretDB locally), e.g. mongodb://127.0.0.1:27017/.'),
  MONGO_SECONDARY_INDEXES: z
    .enum(['on', 'off'])
    .default('on')
    .describe(
      'Whether services create their secondary indexes at start-up. Leave on for MongoDB and ' +
        'FerretDB on PostgreSQL, which serve queries with them; off for FerretDB on SQLite, ' +
        'which plans no query with them, so they only cost writes (deploy/local/start.sh ' +
        'prints it for KITH_LOCAL_DB=sqlite). Indexes an earlier start created stay.',
    ),
};

/** Services whose consumers keep processed-event marks (@kith/bus ConsumerRunner). */
export const consumerConfigShape = {
  PROCESSED_EVENTS_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(14)
    .describe(
      'Days a consumer remembers an event id it processed; older marks are deleted hourly. ' +
        "Keep it above the topics' retention.ms (Kafka's default is 7 days) and any outage " +
        'after which an outbox relay could publish an event again; see docs/architecture.md. ' +
        '0 never deletes (e.g. where a MongoDB TTL index on processedAt does it).',
    ),
};
