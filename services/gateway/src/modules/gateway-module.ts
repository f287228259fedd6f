// What createApp mounts: one module per upstream service (modules/<service>/). A module is
// its list of declared operations (http/operation.ts), each mounted under /v1 and registered
// in the OpenAPI document from the same object, and the clients it closes on stop. main.ts
// builds the list; createApp and openApiDocument take it.
import type { Operation, OperationDeps } from '../http/operation';

/** What the gateway lends every module: the idempotency store and the clock, the logger. */
export type ModuleContext = OperationDeps;

export interface GatewayModule {
  readonly name: string;
  /** Mounted in this order: a literal path before the {id} path it would otherwise match. */
  readonly operations: readonly Operation[];
  /** Closes its upstream clients (main.ts, on stop). */
  close(): void;
}
