// Consent POSTs under concurrency, end to end over HTTP against the real contact service:
// every concurrent record is kept and answered 201 (the gateway may refuse part of a burst with
// 429/503 + Retry-After before it reaches the service; sent again then, it is kept once), and an
// Idempotency-Key stores one record however often (and however concurrently) it is sent.
import { randomBytes, randomUUID } from 'node:crypto';
import { mintTestJwt } from '@kith/testkit';
import { e2eApi, honouringRetryAfter, type E2eAnswer, type E2eApi } from './support/e2e-api';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let api: E2eApi;
const tenant = `tenant-${randomBytes(3).toString('hex')}`;
const token = mintTestJwt({ tenant, sub: 'user-consent', roles: ['fundraiser'] });

beforeAll(async () => {
  stack = await startE2eStack('e2e-consents');
  api = e2eApi(stack.baseUrl, token);
});

afterAll(async () => {
  await stack?.stop();
});

async function aPerson(): Promise<string> {
  const created = await api('POST', '/v1/contacts', {
    body: {
      name: { firstName: 'Ida', lastName: 'Wells' },
      emails: [{ address: `ida-${randomUUID()}@example.org`, type: 'home' }],
    },
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}`);
  return created.body.id as string;
}

const consent = (n: number) => ({
  channel: 'email',
  status: n % 2 === 0 ? 'opted_in' : 'opted_out',
  source: `web-form-${n}`,
});

/** Every answer of each of `count` concurrent POSTs, each re-sent after a 429/503. */
async function postConcurrently(id: string, count: number): Promise<E2eAnswer[][]> {
  return Promise.all(
    Array.from({ length: count }, (_, n) =>
      honouringRetryAfter(() => api('POST', `/v1/contacts/${id}/consents`, { body: consent(n) })),
    ),
  );
}

async function historyOf(id: string): Promise<Array<{ source: string }>> {
  const read = await api('GET', `/v1/contacts/${id}/consents`);
  return read.body.history as Array<{ source: string }>;
}

describe('concurrent consent POSTs without a version', () => {
  it.each([5, 30])('answers all %i with 201 and keeps every record once', async (count) => {
    const id = await aPerson();

    const answers = await postConcurrently(id, count);
    const history = await historyOf(id);

    expect(answers.map((tries) => tries[tries.length - 1]?.status)).toEqual(Array(count).fill(201));
    expect(history.map((r) => r.source).sort()).toEqual(
      Array.from({ length: count }, (_, n) => `web-form-${n}`).sort(),
    );
  });
});

describe('consent POSTs with an Idempotency-Key', () => {
  it('stores one record for the same key sent twice and replays the first answer', async () => {
    const id = await aPerson();
    const headers = { 'idempotency-key': `consent-${randomUUID()}` };

    const first = await api('POST', `/v1/contacts/${id}/consents`, { body: consent(0), headers });
    const second = await api('POST', `/v1/contacts/${id}/consents`, { body: consent(0), headers });
    const history = await historyOf(id);

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(history).toHaveLength(1);
  });

  it('stores one record for the same key sent concurrently and replays it to the others', async () => {
    const id = await aPerson();
    const headers = { 'idempotency-key': `consent-${randomUUID()}` };

    const answers = await Promise.all(
      Array.from({ length: 3 }, () =>
        api('POST', `/v1/contacts/${id}/consents`, { body: consent(0), headers }),
      ),
    );
    const history = await historyOf(id);

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(history).toHaveLength(1);
  });
});
