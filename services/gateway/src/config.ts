// Every variable the gateway reads, validated at start-up: a missing or invalid one stops
// the process with a list of all problems (see @kith/config).
import {
  commonConfigShape,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
  sensitive,
} from '@kith/config';
import { z } from 'zod';

export const gatewayConfigSchema = z
  .object({
    ...commonConfigShape,
    // Kafka: the gateway consumes kith.contact.erased.v1 (events/contact-erased.consumer.ts).
    ...kafkaConfigShape,
    ...mongoConfigShape,
    GATEWAY_HTTP_PORT: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(8080)
      .describe('Port the REST API listens on (0 picks a free port, as tests do).'),
    CONTACT_GRPC_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'expected host:port')
      .default('127.0.0.1:50051')
      .describe('host:port of the contact service gRPC server.'),
    INTERACTION_GRPC_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'expected host:port')
      .default('127.0.0.1:50052')
      .describe(
        'host:port of the interaction service gRPC server (interactions, mail, timelines; ' +
          'always asked for its part of a personal-data export).',
      ),
    TRANSACTION_GRPC_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'expected host:port')
      .default('127.0.0.1:50053')
      .describe(
        'host:port of the transaction service gRPC server (donations, refunds, giving; always ' +
          'asked for its part of a personal-data export).',
      ),
    ANALYTICS_GRPC_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'expected host:port')
      .default('127.0.0.1:50055')
      .describe(
        'host:port of the analytics service gRPC server (dashboards, settings, rebuilds; always ' +
          'asked for its part of a personal-data export).',
      ),
    MARKETING_GRPC_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'expected host:port')
      .default('127.0.0.1:50054')
      .describe(
        'host:port of the marketing service gRPC server (segments, campaigns; always asked for ' +
          'its part of a personal-data export).',
      ),
    GATEWAY_DB_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
      .default('kith_gateway')
      .describe('MongoDB database of the gateway (idempotency keys).'),
    KITH_JWT_ISSUER: z.string().min(1).describe('Expected `iss` of bearer tokens.'),
    KITH_JWT_AUDIENCE: z.string().min(1).describe('Expected `aud` of bearer tokens.'),
    KITH_JWT_HS256_SECRET: sensitive(
      z.string().min(32, 'at least 32 characters').describe('Shared secret for HS256 tokens.'),
    ).optional(),
    KITH_JWT_RS256_PUBLIC_KEY: z
      .string()
      .includes('BEGIN', { message: 'expected a PEM public key' })
      .optional()
      .describe('PEM public key for RS256 tokens.'),
    GATEWAY_GRPC_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(50)
      .max(60_000)
      .default(5000)
      .describe('Deadline of every gRPC call the gateway makes, in milliseconds.'),
    PERSONAL_DATA_UPSTREAMS: z
      .string()
      .regex(
        /^(\s*[a-z][a-z0-9-]*=[^\s:,=]+:\d+\s*(,\s*[a-z][a-z0-9-]*=[^\s:,=]+:\d+\s*)*)?$/,
        'expected name=host:port pairs, comma-separated',
      )
      .default('')
      .describe(
        'Services holding personal data besides the contact, interaction, transaction and ' +
          'analytics services (always asked, at CONTACT_GRPC_ADDRESS, INTERACTION_GRPC_ADDRESS, ' +
          'TRANSACTION_GRPC_ADDRESS and ANALYTICS_GRPC_ADDRESS), as name=host:port pairs, e.g. ' +
          '"marketing=marketing:50054". Each serves kith.privacy.v1.PersonalDataService; see ' +
          'docs/privacy.md.',
      ),
    GATEWAY_EXPORT_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(50)
      .max(120_000)
      .default(15_000)
      .describe(
        'Deadline of each service call of a bulk read (a subject access export, a page of ' +
          'a CSV export), in milliseconds.',
      ),
    GATEWAY_UPSTREAM_MAX_CONCURRENT: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(16)
      .describe(
        'Calls the gateway has in flight to one upstream service process at once (its bulkhead); ' +
          'docs/operations.md.',
      ),
    GATEWAY_UPSTREAM_TENANT_SHARE: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(8)
      .describe(
        'Of those, how many one tenant may hold, running or waiting; beyond it the tenant gets ' +
          '429 while the others keep the rest. At most GATEWAY_UPSTREAM_MAX_CONCURRENT.',
      ),
    GATEWAY_UPSTREAM_QUEUE: z.coerce
      .number()
      .int()
      .min(0)
      .max(100000)
      .default(64)
      .describe(
        'Calls that may wait for a free slot of an upstream; beyond it a call is answered 503 at once.',
      ),
    GATEWAY_UPSTREAM_QUEUE_WAIT_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(10000)
      .default(250)
      .describe(
        'How long a call waits for a free slot before it is answered 503 with Retry-After.',
      ),
    GATEWAY_SCAN_MAX_CONCURRENT: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(4)
      .describe(
        'Contact list calls in flight at once, in a bulkhead of their own: a list page is the ' +
          'heaviest read (up to the contact service page budget), so point reads never wait behind it.',
      ),
    GATEWAY_SCAN_TENANT_SHARE: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(2)
      .describe(
        'Of those, how many one tenant may hold, running or waiting (429 beyond it). At most ' +
          'GATEWAY_SCAN_MAX_CONCURRENT.',
      ),
    GATEWAY_RATE_LIMIT_TENANT_PER_S: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(200)
      .describe(
        'Requests per second one tenant may make (token bucket refill rate, per gateway instance).',
      ),
    GATEWAY_RATE_LIMIT_TENANT_BURST: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(400)
      .describe('Requests one tenant may make at once before the per-second rate applies.'),
    GATEWAY_RATE_LIMIT_USER_PER_S: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(50)
      .describe('Requests per second one user may make (per gateway instance).'),
    GATEWAY_RATE_LIMIT_USER_BURST: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(100)
      .describe('Requests one user may make at once before the per-second rate applies.'),
    GATEWAY_RATE_LIMIT_ADDRESS_PER_S: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(5)
      .describe(
        'Failed authentications per second one client address may make; once its bucket is ' +
          'empty its requests get 429 before any token is verified.',
      ),
    GATEWAY_RATE_LIMIT_ADDRESS_BURST: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000000)
      .default(20)
      .describe('Failed authentications one client address may make at once.'),
    GATEWAY_READINESS_BUDGET_MS: z.coerce
      .number()
      .int()
      .min(50)
      .max(30000)
      .default(1000)
      .describe('How long /readyz waits for each dependency; a slower one counts as down (503).'),
    GATEWAY_TRUST_PROXY: z
      .string()
      .default('')
      .describe(
        'Which proxies may name the client address in X-Forwarded-For (Express "trust proxy": ' +
          'a hop count or addresses/subnets, e.g. "loopback, 10.0.0.0/8"). Empty trusts none: ' +
          'the address limit then applies to the connecting peer (the load balancer).',
      ),
    GATEWAY_BODY_LIMIT_KB: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_240)
      .default(100)
      .describe('Largest accepted JSON request body, in kB (larger answers 413).'),
  })
  .superRefine((c, ctx) => {
    const shares = [
      ['GATEWAY_SCAN_TENANT_SHARE', 'GATEWAY_SCAN_MAX_CONCURRENT'],
      ['GATEWAY_UPSTREAM_TENANT_SHARE', 'GATEWAY_UPSTREAM_MAX_CONCURRENT'],
    ] as const;
    for (const [share, max] of shares) {
      if (c[share] > c[max]) {
        ctx.addIssue({ code: 'custom', path: [share], message: `must not exceed ${max}` });
      }
    }
    if (!c.KITH_JWT_HS256_SECRET && !c.KITH_JWT_RS256_PUBLIC_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['KITH_JWT_HS256_SECRET'],
        message: 'set KITH_JWT_HS256_SECRET or KITH_JWT_RS256_PUBLIC_KEY',
      });
    }
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
): GatewayConfig {
  return loadConfig(gatewayConfigSchema, env);
}
