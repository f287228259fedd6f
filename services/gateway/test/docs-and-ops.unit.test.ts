import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
// The official OpenAPI 3.1 document schema (spec.openapis.org/oas/3.1/schema), vendored:
// the test machines are offline.
import openApi31Schema from './fixtures/openapi-3.1.schema.json';
import { bearer, buildTestApp } from './support/test-app';

type Json = Record<string, unknown>;

const EXPECTED_OPERATIONS = [
  'get /v1/contacts',
  'post /v1/contacts',
  'get /v1/contacts/{id}',
  'patch /v1/contacts/{id}',
  'delete /v1/contacts/{id}',
  'get /v1/contacts/{id}/consents',
  'get /v1/contacts/{id}/audit',
  'post /v1/contacts/{id}/consents',
  'get /v1/organizations',
  'post /v1/organizations',
  'get /v1/organizations/{id}',
  'patch /v1/organizations/{id}',
  'delete /v1/organizations/{id}',
  'get /v1/organizations/{id}/consents',
  'get /v1/organizations/{id}/audit',
  'post /v1/organizations/{id}/consents',
  'get /v1/custom-fields',
  'post /v1/custom-fields',
  'get /v1/custom-fields/{recordType}/{key}',
  'patch /v1/custom-fields/{recordType}/{key}',
  'delete /v1/custom-fields/{recordType}/{key}',
  'get /v1/households',
  'post /v1/households',
  'get /v1/households/{id}',
  'patch /v1/households/{id}',
  'delete /v1/households/{id}',
  'post /v1/households/{id}/members',
  'delete /v1/households/{id}/members/{contactId}',
  'get /v1/contacts/{id}/household',
  'get /v1/matching-rules',
  'put /v1/matching-rules',
  'get /v1/duplicates',
  'get /v1/contacts/{id}/duplicates',
  'post /v1/contacts/{id}/merge',
  'get /v1/organizations/{id}/duplicates',
  'post /v1/organizations/{id}/merge',
  'get /v1/relationship-types',
  'post /v1/relationship-types',
  'patch /v1/relationship-types/{code}',
  'post /v1/relationships',
  'get /v1/relationships/{id}',
  'patch /v1/relationships/{id}',
  'delete /v1/relationships/{id}',
  'get /v1/contacts/{id}/relationships',
  'get /v1/organizations/{id}/relationships',
  'get /v1/contacts/{id}/export',
  'post /v1/contacts/{id}/erase',
  'post /v1/imports',
  'post /v1/imports/contacts',
  'post /v1/imports/{id}/rows',
  'get /v1/imports/{id}',
  'get /v1/imports/{id}/errors.csv',
  'get /v1/contacts/export.csv',
  'get /v1/organizations/export.csv',
  'get /v1/interactions',
  'post /v1/interactions',
  'post /v1/interactions/mail',
  'get /v1/interactions/{id}',
  'patch /v1/interactions/{id}',
  'delete /v1/interactions/{id}',
  'get /v1/contacts/{id}/timeline',
  'get /v1/analytics/dashboard',
  'get /v1/analytics/settings',
  'put /v1/analytics/settings',
  'post /v1/analytics/rebuilds',
  'get /v1/analytics/rebuilds/{id}',
  'get /v1/donations',
  'post /v1/donations',
  'get /v1/donations/{id}',
  'patch /v1/donations/{id}',
  'post /v1/donations/{id}/refunds',
  'get /v1/contacts/{id}/giving',
  'post /v1/segments/preview-count',
  'post /v1/segments',
  'get /v1/segments',
  'get /v1/segments/{id}',
  'patch /v1/segments/{id}',
  'delete /v1/segments/{id}',
  'get /v1/segments/{id}/count',
  'get /v1/segments/{id}/members',
  'post /v1/campaigns',
  'get /v1/campaigns',
  'get /v1/campaigns/{id}',
  'post /v1/campaigns/{id}/send',
  'get /v1/campaigns/{id}/attribution',
  'get /healthz',
  'get /readyz',
  'get /metrics',
  'get /v1/openapi.json',
  'get /docs',
];

async function fetchDocument(): Promise<Json> {
  const { app } = buildTestApp();
  const res = await request(app).get('/v1/openapi.json');
  expect(res.status).toBe(200);
  return res.body as Json;
}

function operations(doc: Json): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) out.push([`${method} ${path}`, op as Json]);
  }
  return out;
}

/** Every `$ref` in the document, wherever it sits. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('validates against the official OpenAPI 3.1 schema', async () => {
    const doc = await fetchDocument();
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(
      openApi31Schema,
    );

    const valid = validate(doc);

    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does refuse a broken document (no info), so the pass above means something.
    expect(validate({ openapi: '3.1.0', paths: {} })).toBe(false);
  });

  it('is OpenAPI 3.1 with info, paths and a bearer security scheme applied globally', async () => {
    const doc = await fetchDocument();

    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect((doc.components as Json).securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('lists every route the gateway serves, and nothing else', async () => {
    const doc = await fetchDocument();

    expect(
      operations(doc)
        .map(([key]) => key)
        .sort(),
    ).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  it('gives every operation responses, and every /v1 resource operation a problem response', async () => {
    const doc = await fetchDocument();

    for (const [key, op] of operations(doc)) {
      const responses = op.responses as Record<string, Json>;
      expect(Object.keys(responses).length).toBeGreaterThan(0);
      if (/\/v1\/(contacts|organizations|households)/.test(key)) {
        // The server answers an oversized header block itself (server.ts), on any route.
        expect(responses['431']).toBeDefined();
        expect(responses['401']).toEqual({
          description: expect.any(String),
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        });
      }
    }
  });

  it('documents path, query and header parameters and request bodies', async () => {
    const doc = await fetchDocument();
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const names = (op: Json | undefined) =>
      ((op?.parameters as Json[] | undefined) ?? []).map((p) => `${p.in}:${p.name}`).sort();

    expect(names(paths['/v1/contacts']?.get)).toEqual([
      'query:cursor',
      'query:deceased',
      'query:doNotContact',
      'query:email',
      'query:limit',
      'query:namePrefix',
      'query:search',
      'query:tag',
    ]);
    expect(names(paths['/v1/contacts/{id}']?.patch)).toEqual(['header:if-match', 'path:id']);
    expect(names(paths['/v1/organizations']?.post)).toEqual(['header:idempotency-key']);
    expect(paths['/v1/organizations']?.post?.requestBody).toBeDefined();
    expect(names(paths['/v1/contacts/{id}/consents']?.post)).toEqual([
      'header:idempotency-key',
      'path:id',
    ]);
  });

  it('marks the operational endpoints as needing no token', async () => {
    const doc = await fetchDocument();
    const paths = doc.paths as Record<string, Record<string, Json>>;

    for (const path of ['/healthz', '/readyz', '/metrics', '/docs', '/v1/openapi.json']) {
      expect(paths[path]?.get?.security).toEqual([]);
    }
  });

  it('resolves every $ref to a component', async () => {
    const doc = await fetchDocument();
    const schemas = (doc.components as Json).schemas as Json;

    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.split('/').pop() ?? '']).toBeDefined();
    }
  });

  it('describes strict request bodies, so unknown fields are documented as refused', async () => {
    const doc = await fetchDocument();
    const schemas = (doc.components as Json).schemas as Record<string, Json>;

    expect(schemas.CreatePersonRequest?.additionalProperties).toBe(false);
    expect(schemas.PatchOrganizationRequest?.additionalProperties).toBe(false);
  });
});

describe('operational endpoints', () => {
  it('renders /docs as a self-contained HTML page listing the operations', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/docs');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).toContain('/v1/organizations/{id}');
    expect(res.text).toContain('PATCH');
    expect(res.text).toContain('id="schema-Person"');
  });

  it('answers /healthz with 200', async () => {
    const { app } = buildTestApp();

    const res = await request(app).get('/healthz');

    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 503 naming the dependency that is down', async () => {
    const { app } = buildTestApp({
      readiness: [
        { name: 'contact', check: async () => false },
        { name: 'mongo', check: async () => true },
      ],
    });

    const res = await request(app).get('/readyz');

    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'not-ready',
      dependencies: { contact: 'down', mongo: 'up' },
      down: ['contact'],
    });
  });

  it('counts a readiness check that throws as down', async () => {
    const { app } = buildTestApp({
      readiness: [{ name: 'mongo', check: () => Promise.reject(new Error('refused')) }],
    });

    const res = await request(app).get('/readyz');

    expect(res.status).toBe(503);
  });

  it('answers /readyz with 200 when every dependency is up', async () => {
    const { app } = buildTestApp({ readiness: [{ name: 'contact', check: async () => true }] });

    const res = await request(app).get('/readyz');

    expect(res.status).toBe(200);
    expect(res.body.dependencies).toEqual({ contact: 'up' });
  });

  it.each([
    ['post', '/healthz'],
    ['delete', '/readyz'],
    ['put', '/metrics'],
    ['post', '/docs'],
    ['patch', '/v1/openapi.json'],
  ] as const)(
    'answers %s %s with 405 problem+json and Allow: GET, as /v1 routes do',
    async (method, path) => {
      const { app } = buildTestApp();

      const res = await request(app)[method](path);

      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'urn:kith:problem:method-not-allowed', status: 405 });
    },
  );

  it('exports request durations by route template, never by raw id', async () => {
    const { app } = buildTestApp();
    await request(app).get('/v1/contacts/c-0042').set('Authorization', bearer());

    const res = await request(app).get('/metrics');

    expect(res.text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/v1/contacts/:id",status_code="404"} 1',
    );
    expect(res.text).not.toContain('c-0042');
  });
});
