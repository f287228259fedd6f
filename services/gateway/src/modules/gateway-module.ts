// What createApp mounts: one module per upstream service (modules/<service>/). A module
// brings its routes under /v1, registers the same routes in the OpenAPI document, and
// closes its clients; main.ts builds the list, createApp and openApiDocument take it.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { OperationDeps } from '../http/operation';

/** What the gateway lends every module: the idempotency store and the clock, the logger. */
export type ModuleContext = OperationDeps;

export interface GatewayModule {
  readonly name: string;
  /** Its /v1 routes; modules are mounted in list order. */
  routes(ctx: ModuleContext): Router;
  /** Registers every route of `routes` (the openapi-matches-routes test holds it to that). */
  document(registry: OpenAPIRegistry): void;
  /** Closes its upstream clients (main.ts, on stop). */
  close(): void;
}
