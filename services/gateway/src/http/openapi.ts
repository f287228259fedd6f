// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
// Served at /v1/openapi.json and rendered at /docs. Each module registers its routes
// (modules/gateway-module.ts); the shared pieces are in openapi-kit.ts.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { GatewayModule } from '../modules/gateway-module';
import { json } from './openapi-kit';
import { registerOperations } from './operation';
import { ProblemSchema } from './schemas/problem.schema';
import { HealthSchema, ReadinessSchema } from './schemas/health.schema';

export const BEARER_SCHEME = 'bearerAuth';

function registerOperational(registry: OpenAPIRegistry): void {
  const open = { security: [], tags: ['Operations'] };
  const text = (description: string, type: string) => ({
    description,
    content: { [type]: { schema: { type: 'string' as const } } },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    responses: { 200: json(HealthSchema, 'Alive.') },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: the contact service and MongoDB answer',
    responses: {
      200: json(ReadinessSchema, 'Every dependency is up.'),
      503: json(ReadinessSchema, 'At least one dependency is down (named in down).'),
    },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    responses: { 200: text('Prometheus text format.', 'text/plain') },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    responses: {
      200: {
        description: 'OpenAPI 3.1 JSON.',
        content: { 'application/json': { schema: { type: 'object' as const } } },
      },
    },
  });
  registry.registerPath({
    ...open,
    method: 'get',
    path: '/docs',
    summary: 'Human-readable API reference',
    responses: { 200: text('HTML page.', 'text/html') },
  });
}

/** Built once per list of modules: the document never changes while the process runs. */
const built = new WeakMap<readonly GatewayModule[], object>();

type PathItems = Record<string, Record<string, { parameters?: Array<Record<string, unknown>> }>>;

/**
 * The server takes an empty GET query parameter (`?tag=`) as left out (givenQuery in
 * validation.ts). `allowEmptyValue` is how OpenAPI says that, whatever the parameter's schema.
 */
function allowEmptyGetQueryValues(doc: { paths?: unknown }): void {
  for (const item of Object.values((doc.paths ?? {}) as PathItems)) {
    for (const param of item.get?.parameters ?? []) {
      if (param.in === 'query') param.allowEmptyValue = true;
    }
  }
}

/**
 * zod-to-openapi writes a nullable use of a registered schema that is also used as it is as
 * `allOf: [{$ref}, {type: [object, null]}]`, which no null can satisfy (allOf needs the $ref's
 * object too). OpenAPI 3.1 says "this or null" as `anyOf: [{$ref}, {type: null}]`.
 */
function nullableReferences(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nullableReferences(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  const parts = schema.allOf;
  if (Array.isArray(parts) && parts.length === 2) {
    const [reference, nullable] = parts as Array<Record<string, unknown>>;
    const type = nullable?.type;
    if (reference?.$ref && Array.isArray(type) && type.includes('null')) {
      const { type: _type, ...rest } = nullable!;
      delete schema.allOf;
      Object.assign(schema, rest, { anyOf: [reference, { type: 'null' }] });
    }
  }
  for (const value of Object.values(schema)) nullableReferences(value);
}

export function openApiDocument(modules: readonly GatewayModule[]): object {
  const known = built.get(modules);
  if (known) return known;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'JWT with claims sub, tenant and roles; verified signature, exp, iss and aud.',
  });
  registry.register('Problem', ProblemSchema);
  for (const module of modules) registerOperations(registry, module.operations);
  registerOperational(registry);
  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Kith API',
      version: '1.0.0',
      description:
        'REST API of Kith. JSON in camelCase; errors are RFC 9457 problem+json ' +
        '({type, title, status, detail, instance, errors[]}). Lists use cursor pagination: ' +
        'pass nextCursor back as ?cursor= with the same filters. PATCH and DELETE need ' +
        'If-Match: "<version>" (the ETag of GET): missing -> 428, stale -> 409.',
    },
    security: [{ [BEARER_SCHEME]: [] }],
  });
  allowEmptyGetQueryValues(doc);
  nullableReferences(doc);
  built.set(modules, doc);
  return doc;
}
