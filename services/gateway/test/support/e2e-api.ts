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
