// HTTP for the load generators: node:http with a keep-alive agent, as wrk or autocannon
// would. The load generator shares the two cores with the system under test, so it should
// cost as little as possible (fetch cost a few hundredths of contact-write's ratio).
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpAnswer {
  status: number;
  text: string;
}

export function request(
  method: 'GET' | 'POST',
  url: URL,
  token: string,
  body?: string,
  extraHeaders: Record<string, string> = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string | number> = {
    authorization: `Bearer ${token}`,
    ...extraHeaders,
  };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** GET answering 200 with a JSON body; anything else throws with what the gateway said. */
export async function getJson(url: URL, token: string): Promise<unknown> {
  const res = await request('GET', url, token);
  if (res.status !== 200)
    throw new Error(`GET ${url.pathname} answered ${res.status}: ${res.text}`);
  return JSON.parse(res.text) as unknown;
}
