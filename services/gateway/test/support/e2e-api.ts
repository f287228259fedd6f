// JSON over HTTP to an e2e stack's gateway with one bearer token, for end-to-end tests.
export interface E2eAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export type E2eApi = (
  method: string,
  path: string,
  opts?: { body?: unknown; headers?: Record<string, string> },
) => Promise<E2eAnswer>;

export function e2eApi(baseUrl: string, token: string): E2eApi {
  return async (method, path, opts = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...opts.headers,
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  };
}

/**
 * Sends as a well-behaved client does: a 429 or 503 refusal (which never reached the service)
 * is sent again after its Retry-After. Returns every answer, the last one last.
 */
export async function honouringRetryAfter(
  send: () => Promise<E2eAnswer>,
  maxAttempts = 20,
): Promise<E2eAnswer[]> {
  const answers: E2eAnswer[] = [];
  for (let attempt = 1; ; attempt += 1) {
    const answer = await send();
    answers.push(answer);
    const refused = answer.status === 429 || answer.status === 503;
    if (!refused || attempt === maxAttempts) return answers;
    const seconds = Number(answer.headers.get('retry-after'));
    if (!Number.isFinite(seconds) || seconds < 1) return answers; // a refusal must say when
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

/** A person with one email address, created through the API (201); answers the new id. */
export async function createPerson(
  api: E2eApi,
  values: { firstName: string; lastName: string; email: string },
): Promise<string> {
  const res = await api('POST', '/v1/contacts', {
    body: {
      name: { firstName: values.firstName, lastName: values.lastName },
      emails: [{ address: values.email }],
    },
  });
  if (res.status !== 201) throw new Error(`creating a person answered ${res.status}`);
  return res.body.id as string;
}
