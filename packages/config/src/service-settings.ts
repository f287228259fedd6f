// Settings every gRPC service has, each under its own prefix (CONTACT_GRPC_PORT,
// INTERACTION_GRPC_PORT, ...): one definition, so their rules and their documentation agree.
import { z } from 'zod';

export const serviceSettings = {
  grpcPort: (defaultPort: number) =>
    z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(defaultPort)
      .describe('Port the gRPC server listens on (0 picks a free port, as tests do).'),
  /** A service whose admission follows from one number (@kith/service-kit `admissionOf`). */
  maxInFlightCalls: () =>
    z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(64)
      .describe(
        'gRPC calls served at once (one tenant may hold three quarters of them); with a queue of ' +
          'as many, waiting at most 500 ms, it bounds the database work outstanding. Beyond it a ' +
          'call is refused RESOURCE_EXHAUSTED (HTTP 429 or 503).',
      ),
  dbPoolSize: () =>
    z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(20)
      .describe("Connections to MongoDB at most (the driver's maxPoolSize)."),
  dbBudgetMs: () =>
    z.coerce
      .number()
      .int()
      .min(50)
      .max(30000)
      .default(1000)
      .describe(
        'A database ping slower than this marks the service NOT_SERVING on its gRPC health check ' +
          "(checked every 2 s), so the gateway's /readyz reports it.",
      ),
  dbName: (defaultName: string, description: string) =>
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
      .default(defaultName)
      .describe(description),
};
