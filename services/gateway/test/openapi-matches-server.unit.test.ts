// The OpenAPI document says what the server does: what the server answers validates against
// the documented response, what the server refuses the documented request schema refuses
// too, and what it accepts the document accepts. Checked with a JSON Schema 2020-12
// validator over the served document, against the app with fake services.
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import request from 'supertest';
import type { ReadinessCheck } from '../src/http/health.routes';
import { ORGANIZATION, PERSON, bearer, buildTestApp } from './support/test-app';

type Json = Record<string, unknown>;
type App = ReturnType<typeof buildTestApp>['app'];

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

async function served(app: App): Promise<Json> {
  return (await request(app).get('/v1/openapi.json')).body as Json;
}

/** A schema of the document as a validator; its `#/components/...` refs resolve. */
function validatorOf(doc: Json, schema: unknown): ValidateFunction {
  return ajv.compile({ components: doc.components, ...(schema as Json) });
}

function operation(doc: Json, method: string, path: string): Json {
  const op = (doc.paths as Record<string, Record<string, Json>>)[path]?.[method];
  if (!op) throw new Error(`${method} ${path} is not documented`);
  return op;
}

function responseSchema(doc: Json, method: string, path: string, status: number): unknown {
  const responses = operation(doc, method, path).responses as Record<string, Json>;
  const content = responses[String(status)]?.content as Record<string, Json> | undefined;
  return content?.['application/json']?.schema;
}

function requestSchema(doc: Json, method: string, path: string): unknown {
  const body = operation(doc, method, path).requestBody as Json | undefined;
  return ((body?.content as Record<string, Json>)?.['application/json'] as Json)?.schema;
}

describe('the document describes the probe answers', () => {
  const up: ReadinessCheck[] = [{ name: 'contact', check: async () => true }];
  const down: ReadinessCheck[] = [{ name: 'contact', check: async () => false }];

  it.each([
    ['/healthz', 200, []],
    ['/readyz', 200, up],
    ['/readyz', 503, down],
  ])('%s answering %i: its body is what the document says', async (path, status, readiness) => {
    const { app } = buildTestApp({ readiness });
    const doc = await served(app);

    const res = await request(app).get(path);
    const validate = validatorOf(doc, responseSchema(doc, 'get', path, status));

    expect(res.status).toBe(status);
    expect(validate(res.body) ? [] : validate.errors).toEqual([]);
  });

  it('/v1/openapi.json is documented as the object it is', async () => {
    const { app } = buildTestApp();
    const doc = await served(app);

    const validate = validatorOf(doc, responseSchema(doc, 'get', '/v1/openapi.json', 200));

    expect(validate(doc)).toBe(true);
    expect(validate('a string')).toBe(false);
  });
});

describe('empty query values: the server takes them as absent, the document accepts them', () => {
  async function world() {
    const t = buildTestApp();
    const person = await request(t.app)
      .post('/v1/contacts')
      .set('Authorization', bearer())
      .send(PERSON);
    const org = await request(t.app)
      .post('/v1/organizations')
      .set('Authorization', bearer())
      .send(ORGANIZATION);
    const pathOf = (template: string) =>
      template
        .replace('/v1/contacts/{id}', `/v1/contacts/${String(person.body.id)}`)
        .replace('/v1/organizations/{id}', `/v1/organizations/${String(org.body.id)}`);
    return { ...t, pathOf };
  }

  it('every GET query parameter, sent empty, answers as if left out', async () => {
    const { app, pathOf } = await world();
    const doc = await served(app);
    const checked: string[] = [];

    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      const params = ((item.get?.parameters as Json[] | undefined) ?? []).filter(
        (p) => p.in === 'query',
      );
      for (const param of params) {
        const url = pathOf(path);
        const without = await request(app).get(url).set('Authorization', bearer());
        const empty = await request(app)
          .get(`${url}?${String(param.name)}=`)
          .set('Authorization', bearer());
        // allowEmptyValue: the schema, or the empty value (so schemathesis reads it too).
        const documented = param.allowEmptyValue === true || validatorOf(doc, param.schema)('');

        expect({
          param: `${path} ${String(param.name)}`,
          status: empty.status,
          documented,
        }).toEqual({
          param: `${path} ${String(param.name)}`,
          status: without.status,
          documented: true,
        });
        checked.push(`${path} ${String(param.name)}`);
      }
    }
    // The loop did run over the listings (a document without parameters would pass it).
    expect(checked).toEqual(
      expect.arrayContaining([
        '/v1/contacts tag',
        '/v1/duplicates kind',
        '/v1/contacts/{id}/audit limit',
      ]),
    );
  });
});

describe('bodies the server refuses, the document refuses', () => {
  const cases: Array<[string, string, string, unknown]> = [
    ['empty PATCH of a person', 'patch', '/v1/contacts/{id}', {}],
    ['empty PATCH of an organization', 'patch', '/v1/organizations/{id}', {}],
    ['empty PATCH of a custom field', 'patch', '/v1/custom-fields/{recordType}/{key}', {}],
    ['empty PATCH of a household', 'patch', '/v1/households/{id}', {}],
    ['empty PATCH of a relationship', 'patch', '/v1/relationships/{id}', {}],
    ['empty PATCH of a relationship type', 'patch', '/v1/relationship-types/{code}', {}],
    [
      'a custom field value under a key that is no key',
      'post',
      '/v1/contacts',
      { ...PERSON, customFields: { 'Not A Key': 'x' } },
    ],
    [
      'a custom field change under a key that is no key',
      'patch',
      '/v1/organizations/{id}',
      { customFields: { 'bad.key': null } },
    ],
    [
      'a field choice of a field merge does not choose',
      'post',
      '/v1/contacts/{id}/merge',
      { victimId: 'c-2', fieldChoices: { nickname: 'victim' } },
    ],
  ];

  it.each(cases)('%s', async (_label, method, path, body) => {
    const { app } = buildTestApp();
    const doc = await served(app);
    const url = path
      .replace('{id}', 'c-1')
      .replace('{recordType}/{key}', 'person/level')
      .replace('{code}', 'employment');

    const sent = method === 'post' ? request(app).post(url) : request(app).patch(url);
    const res = await sent
      .set('Authorization', bearer())
      .set('If-Match', '"1"')
      .send(body as object);
    const validate = validatorOf(doc, requestSchema(doc, method, path));

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body' })]);
    expect(validate(body)).toBe(false);
  });
});

// Found by schemathesis (docs/api.md, "Contract tests"): a value the document called valid that
// the server refused. Each row is sent to the server and checked against the document; both
// must agree, whichever way.
describe('values the document and the server judge alike', () => {
  type Judged = {
    schema: (doc: Json) => unknown;
    value: unknown;
    send: (app: App) => request.Test;
  };

  /** The server's answer and the document's verdict on one value: accepted by both or neither. */
  async function judge({ schema, value, send }: Judged, okStatus: number, accepted: boolean) {
    const { app } = buildTestApp();
    const doc = await served(app);
    const res = await send(app).set('Authorization', bearer());

    expect({ status: res.status, documented: validatorOf(doc, schema(doc))(value) }).toEqual({
      status: accepted ? okStatus : 400,
      documented: accepted,
    });
  }

  it.each([
    ['gift,refund', true],
    [' interaction , soft_credit ', true],
    [',gift,,refund,', true],
    ['gift,gift', true],
    ['\u00cd', false],
    [',', false],
    ['gift;refund', false],
    ['Gift', false],
  ])('timeline kind=%j: accepted %s', async (kind, accepted) => {
    const schema = (doc: Json) =>
      (operation(doc, 'get', '/v1/contacts/{id}/timeline').parameters as Json[]).find(
        (p) => p.name === 'kind' && p.in === 'query',
      )?.schema;
    const send = (app: App) =>
      request(app).get(`/v1/contacts/c-ada/timeline?kind=${encodeURIComponent(kind)}`);

    await judge({ schema, value: kind, send }, 200, accepted);
  });

  it.each([
    ['2026-02-28', true],
    ['0063-01-01', true],
    ['0663-43-62', false],
    ['2026-02-29', false],
  ])('a date custom field bounded by min %s: accepted %s', async (min, accepted) => {
    const body = {
      recordType: 'person',
      key: 'joined',
      label: 'Joined',
      type: 'date',
      validation: { min },
    };
    const schema = (doc: Json) => requestSchema(doc, 'post', '/v1/custom-fields');
    const send = (app: App) => request(app).post('/v1/custom-fields').send(body);

    await judge({ schema, value: body, send }, 201, accepted);
  });
});
