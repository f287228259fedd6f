// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
// Served at /v1/openapi.json and rendered at /docs. Each resource registers its routes from
// its own *.openapi.ts; the shared pieces are in openapi-kit.ts.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { registerContactRoutes } from '../modules/contact/contact.openapi';
import { registerCustomFields } from '../modules/contact/custom-fields.openapi';
import { registerDuplicateRoutes } from '../modules/contact/duplicate.openapi';
import { registerHouseholdRoutes } from '../modules/contact/household.openapi';
import { registerImportRoutes } from '../modules/contact/imports.openapi';
import { etagHeader, json, problems, rolesNote } from './openapi-kit';
import { registerPrivacyRoutes } from '../modules/contact/privacy.openapi';
import { relationshipRoutes } from '../modules/contact/relationship.openapi';
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

let cached: object | undefined;

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

export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'JWT with claims sub, tenant and roles; verified signature, exp, iss and aud.',
  });
  registry.register('Problem', ProblemSchema);
  registerContactRoutes(registry);
  registerCustomFields(registry, {
    problems,
    json,
    etagHeader,
    readNote: rolesNote('custom-field:read'),
    manageNote: rolesNote('custom-field:manage'),
  });
  registerHouseholdRoutes(registry);
  registerImportRoutes(registry);
  registerPrivacyRoutes(registry);
  registerDuplicateRoutes(registry);
  for (const route of relationshipRoutes({ problems, json, etagHeader, rolesNote })) {
    registry.registerPath({ ...route, path: `/v1${route.path}` });
  }
  registerOperational(registry);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
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
  allowEmptyGetQueryValues(cached);
  return cached;
}
