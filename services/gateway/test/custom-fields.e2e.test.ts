// End to end over HTTP for /v1/custom-fields: the gateway and the real contact service in
// this process, against the test FerretDB and Kafka. Checks what the fake only imitates: the
// service's definition rules and their mapping to REST statuses and field errors.
import { randomBytes } from 'node:crypto';
import { mintTestJwt } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let baseUrl: string;
const token = mintTestJwt({ tenant: `tenant-${randomBytes(3).toString('hex')}`, roles: ['admin'] });

beforeAll(async () => {
  stack = await startE2eStack('e2e-custom-fields');
  baseUrl = stack.baseUrl;
});

afterAll(async () => {
  await stack?.stop();
});

async function api(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

test('defines, changes, refuses a type change and a removed option, archives and lists', async () => {
  const created = await api('POST', '/v1/custom-fields', {
    recordType: 'person',
    key: 'joined',
    label: 'Joined',
    type: 'date',
    validation: { min: '2000-01-01' },
  });
  const tier = await api('POST', '/v1/custom-fields', {
    recordType: 'person',
    key: 'tier',
    label: 'Tier',
    type: 'single_select',
    options: [{ value: 'gold' }, { value: 'silver' }],
  });
  const changed = await api(
    'PATCH',
    '/v1/custom-fields/person/joined',
    { label: 'Member since' },
    {
      'if-match': '"1"',
    },
  );
  const typeChange = await api(
    'PATCH',
    '/v1/custom-fields/person/joined',
    { type: 'text' },
    {
      'if-match': '"2"',
    },
  );
  const removed = await api(
    'PATCH',
    '/v1/custom-fields/person/tier',
    { options: [{ value: 'gold' }] },
    {
      'if-match': '"1"',
    },
  );
  const badRule = await api('POST', '/v1/custom-fields', {
    recordType: 'person',
    key: 'flag',
    label: 'Flag',
    type: 'boolean',
    validation: { maxLength: 3 },
  });
  const archived = await api('DELETE', '/v1/custom-fields/person/joined', undefined, {
    'if-match': '"2"',
  });
  const live = await api('GET', '/v1/custom-fields?recordType=person');
  const all = await api('GET', '/v1/custom-fields?recordType=person&includeArchived=true');

  expect(created.status).toBe(201);
  expect(created.body.validation).toEqual({ min: '2000-01-01' });
  expect(tier.status).toBe(201);
  expect(changed.body).toMatchObject({ label: 'Member since', version: 2 });
  expect(typeChange.status).toBe(422);
  expect(typeChange.body.errors).toEqual([{ field: 'type', message: 'cannot change', in: 'body' }]);
  expect(removed.status).toBe(422);
  expect(badRule.status).toBe(400);
  expect(badRule.body.errors).toEqual([
    expect.objectContaining({ field: 'validation.maxLength', in: 'body' }),
  ]);
  expect(archived.body).toMatchObject({ archived: true, version: 3 });
  expect(live.body.data.map((f: { key: string }) => f.key)).toEqual(['tier']);
  expect(all.body.data.map((f: { key: string }) => f.key)).toEqual(['joined', 'tier']);
});

test('contacts carry custom field values: required on create, filtered in lists, cleared by null', async () => {
  const own = {
    authorization: `Bearer ${mintTestJwt({ tenant: `tenant-${randomBytes(3).toString('hex')}`, roles: ['admin'] })}`,
  };
  const define = (body: object) => api('POST', '/v1/custom-fields', body, own);
  await define({
    recordType: 'person',
    key: 'level',
    label: 'Level',
    type: 'single_select',
    required: true,
    options: [{ value: 'gold' }, { value: 'silver' }],
  });
  await define({ recordType: 'person', key: 'score', label: 'Score', type: 'number' });
  const name = { name: { firstName: 'Ada', lastName: 'Lovelace' } };

  const missing = await api('POST', '/v1/contacts', name, own);
  const wrong = await api(
    'POST',
    '/v1/contacts',
    { ...name, customFields: { level: 'bronze' } },
    own,
  );
  const created = await api(
    'POST',
    '/v1/contacts',
    { ...name, customFields: { level: 'gold', score: 12 } },
    own,
  );
  const matching = await api('GET', '/v1/contacts?cf.level=gold&cf.score.gte=10', undefined, own);
  const tooHigh = await api('GET', '/v1/contacts?cf.score.gte=20', undefined, own);
  const unknown = await api('GET', '/v1/contacts?cf.nope=1', undefined, own);
  const cleared = await api(
    'PATCH',
    `/v1/contacts/${created.body.id}`,
    { customFields: { score: null } },
    { ...own, 'if-match': '"1"' },
  );
  const requiredCleared = await api(
    'PATCH',
    `/v1/contacts/${created.body.id}`,
    { customFields: { level: null } },
    { ...own, 'if-match': '"2"' },
  );

  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'customFields.level' })]);
  expect(wrong.status).toBe(400);
  expect(created.status).toBe(201);
  expect(created.body.customFields).toEqual({ level: 'gold', score: 12 });
  expect(matching.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  expect(tooHigh.body.data).toEqual([]);
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'cf.nope' })]);
  expect(cleared.status).toBe(200);
  expect(cleared.body.customFields).toEqual({ level: 'gold' });
  expect(requiredCleared.status).toBe(400);
});
