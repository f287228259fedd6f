// End to end over HTTP for the fuller contact record: personal fields and addresses, consents,
// the audit trail and search, through the gateway and the real contact service, against the
// test FerretDB and Kafka.
import { randomBytes } from 'node:crypto';
import { mintTestJwt, waitFor } from '@kith/testkit';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let baseUrl: string;
const tenant = `tenant-${randomBytes(3).toString('hex')}`;
const admin = mintTestJwt({ tenant, sub: 'user-admin', roles: ['admin'] });
const fundraiser = mintTestJwt({ tenant, sub: 'user-fund', roles: ['fundraiser'] });

beforeAll(async () => {
  stack = await startE2eStack('e2e-contact-record');
  baseUrl = stack.baseUrl;
});

afterAll(async () => {
  await stack?.stop();
});

async function api(
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${opts.token ?? admin}`,
      'content-type': 'application/json',
      ...opts.headers,
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

test('a person with addresses and consents: reachability, history, audit and search', async () => {
  const created = await api('POST', '/v1/contacts', {
    token: fundraiser,
    body: {
      name: { firstName: 'Zoë', lastName: "O'Brien" },
      birthDate: '1990-04-21',
      pronouns: 'she/her',
      emails: [{ address: 'zoe@example.org', type: 'home' }],
      phones: [{ number: '+1 555 010 2030', type: 'mobile' }],
      addresses: [
        { line1: '1 Main St', city: 'Springfield', postalCode: '62701', countryCode: 'us' },
      ],
    },
  });
  const id = created.body.id as string;
  const optedOut = await api('POST', `/v1/contacts/${id}/consents`, {
    token: fundraiser,
    body: { channel: 'email', status: 'opted_out', source: 'unsubscribe-link' },
  });
  const patched = await api('PATCH', `/v1/contacts/${id}`, {
    token: fundraiser,
    headers: { 'if-match': '"2"' },
    body: { tags: ['donor'] },
  });
  const consents = await api('GET', `/v1/contacts/${id}/consents`);
  const byPhone = await api('GET', '/v1/contacts?search=555%20010');
  const byName = await api('GET', '/v1/contacts?search=zoe%20ob&tag=donor');
  const suppressedOnly = await api('GET', '/v1/contacts?doNotContact=true');
  const auditForbidden = await api('GET', `/v1/contacts/${id}/audit`, { token: fundraiser });
  const audit = await waitFor(
    async () => {
      const res = await api('GET', `/v1/contacts/${id}/audit`);
      return res.body.data?.length === 3 ? res.body : undefined;
    },
    { timeoutMs: 20_000, what: 'three audit entries' },
  );

  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    birthDate: '1990-04-21',
    addresses: [{ countryCode: 'US', postalCode: '62701', valid: true, primary: true }],
    reachability: { email: { suppressed: false }, sms: { suppressed: false } },
  });
  expect(optedOut.status).toBe(201);
  expect(optedOut.body.reachability.email).toEqual({
    status: 'opted_out',
    suppressed: true,
    reasons: ['opted-out'],
  });
  expect(patched.status).toBe(200);
  expect(patched.body.communication.email).toMatchObject({ status: 'opted_out' });
  expect(consents.body.history).toEqual([
    expect.objectContaining({ channel: 'email', recordedBy: 'user-fund' }),
  ]);
  expect(byPhone.body.data.map((c: { id: string }) => c.id)).toEqual([id]);
  expect(byName.body.data.map((c: { id: string }) => c.id)).toEqual([id]);
  expect(suppressedOnly.body.data).toEqual([]);
  expect(auditForbidden.status).toBe(403);
  expect(audit.data.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual(
    [
      ['created', 'user-fund'],
      ['consent-changed', 'user-fund'],
      ['updated', 'user-fund'],
    ],
  );
  expect(audit.data[2].changes).toEqual([{ field: 'tags', before: [], after: ['donor'] }]);
});

test('bad input answers 400 with field errors, never a 500', async () => {
  const org = await api('POST', '/v1/organizations', {
    body: { name: 'Acme', birthDate: '2000-01-01' },
  });
  const person = await api('POST', '/v1/contacts', {
    body: { name: { firstName: 'Bo' }, birthDate: '1990-02-30', deceasedDate: '1980-01-01' },
  });
  const consent = await api('POST', '/v1/contacts/not-a-real-id/consents', {
    body: { channel: 'email', status: 'opted_in', source: 'web' },
  });

  expect(org.status).toBe(400);
  expect(person.status).toBe(400);
  expect(person.body.errors.map((e: { field: string }) => e.field)).toContain('birthDate');
  expect(consent.status).toBe(404);
});

test('a birth date in the future answers 400 naming birthDate, on create and on PATCH', async () => {
  const created = await api('POST', '/v1/contacts', {
    body: { name: { firstName: 'Bo' }, birthDate: '2999-01-01' },
  });
  const existing = await api('POST', '/v1/contacts', { body: { name: { firstName: 'Cy' } } });
  const patched = await api('PATCH', `/v1/contacts/${existing.body.id as string}`, {
    headers: { 'if-match': '"1"' },
    body: { birthDate: '2999-01-01' },
  });

  const futureBirthDate = {
    field: 'birthDate',
    message: 'must not be in the future',
    in: 'body',
  };
  expect(created.status).toBe(400);
  expect(created.body.errors).toEqual([futureBirthDate]);
  expect(patched.status).toBe(400);
  expect(patched.body.errors).toEqual([futureBirthDate]);
});
