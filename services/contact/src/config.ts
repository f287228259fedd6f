// Every variable the contact service reads, validated at start-up: a missing or invalid
// one stops the process with a list of all problems (see @kith/config).
import {
  commonConfigShape,
  consumerConfigShape,
  kafkaConfigShape,
  loadConfig,
  mongoConfigShape,
} from '@kith/config';
import { z } from 'zod';

export const contactConfigSchema = z.object({
  ...commonConfigShape,
  ...kafkaConfigShape,
  ...mongoConfigShape,
  ...consumerConfigShape,
  CONTACT_GRPC_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(50051)
    .describe('Port the gRPC server listens on (0 picks a free port, as tests do).'),
  CONTACT_DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
    .default('kith_contact')
    .describe('MongoDB database that holds the contact service data.'),
});

export type ContactConfig = z.infer<typeof contactConfigSchema>;

export function loadContactConfig(
  env: Record<string, string | undefined> = process.env,
): ContactConfig {
  return loadConfig(contactConfigSchema, env);
}
