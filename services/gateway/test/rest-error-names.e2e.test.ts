// End to end: errors the contact service raises about what the caller sent name it the way
// the caller sent it (the query parameter `cursor`, not the proto field `pageToken`), say
// where it was (`in: query`) and speak of the listing at hand, not of "invalid contact".
import { randomBytes } from 'node:crypto';
import { mintTestJwt } from '@kith/testkit';
import { e2eApi, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let api: E2eApi;
// Well-formed for the gateway's schemas (base64url), but no token the service issued.
const FOREIGN_CURSOR = Buffer.from('not-a-token-we-issued').toString('base64url');

beforeAll(async () => {
  stack = await startE2eStack('e2e-rest-error-names');
  const tenant = `tenant-${randomBytes(3).toString('hex')}`;
  api = e2eApi(stack.baseUrl, mintTestJwt({ tenant, roles: ['admin'] }));
});

afterAll(async () => {
  await stack?.stop();
});

function cursorProblem(listing: RegExp) {
  return {
    status: 400,
    type: 'urn:kith:problem:validation-failed',
    detail: expect.not.stringMatching(/invalid contact|pageToken/),
    errors: [{ field: 'cursor', in: 'query', message: expect.stringMatching(listing) }],
  };
}

test('an unknown cursor on /v1/custom-fields is the query parameter cursor of the custom field list', async () => {
  const res = await api('GET', `/v1/custom-fields?cursor=${FOREIGN_CURSOR}`);

  expect({ status: res.status, ...res.body }).toMatchObject(cursorProblem(/custom field/));
});

test('an unknown cursor on /v1/duplicates is the query parameter cursor of the duplicate list', async () => {
  const res = await api('GET', `/v1/duplicates?cursor=${FOREIGN_CURSOR}`);

  expect({ status: res.status, ...res.body }).toMatchObject(cursorProblem(/duplicate/));
});

test.each([
  ['/v1/contacts', { name: { firstName: 'Ada', lastName: 'Lovelace' } }, /audit trail/],
  ['/v1/organizations', { name: 'Analytical Engines Ltd' }, /audit trail/],
])(
  'an unknown cursor on %s/{id}/audit is the query parameter cursor of its audit trail',
  async (path, body, listing) => {
    const created = await api('POST', path, { body });
    expect(created.status).toBe(201);

    const res = await api(
      'GET',
      `${path}/${String(created.body.id)}/audit?cursor=${FOREIGN_CURSOR}`,
    );

    expect({ status: res.status, ...res.body }).toMatchObject(cursorProblem(listing));
  },
);

test('a cf.<key> filter the service refuses is a query parameter, named as sent', async () => {
  const res = await api('GET', '/v1/contacts?cf.nosuchfield=1');

  expect(res.status).toBe(400);
  expect(res.body.detail).not.toMatch(/invalid contact/);
  expect(res.body.errors).toEqual([
    { field: 'cf.nosuchfield', in: 'query', message: 'is not a custom field of this record type' },
  ]);
});
