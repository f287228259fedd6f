// Variables every gRPC service has under its own prefix (CONTACT_GRPC_PORT,
// TRANSACTION_DB_POOL_SIZE, ...): one definition each, so their ranges, defaults and the text
// docs/configuration.md shows cannot differ between services.
import { z } from 'zod';

/** `<SERVICE>_GRPC_PORT`. */
export function grpcPortVar(defaultPort: number) {
  return z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(defaultPort)
    .describe('Port the gRPC server listens on (0 picks a free port, as tests do).');
}

/** `<SERVICE>_DB_POOL_SIZE`. */
export function dbPoolSizeVar() {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .describe("Connections to MongoDB at most (the driver's maxPoolSize).");
}

/** `<SERVICE>_DB_BUDGET_MS`. */
export function dbHealthBudgetVar() {
  return z.coerce
    .number()
    .int()
    .min(50)
    .max(30000)
    .default(1000)
    .describe(
      'A database ping slower than this marks the service NOT_SERVING on its gRPC health check ' +
        "(checked every 2 s), so the gateway's /readyz reports it.",
    );
}
