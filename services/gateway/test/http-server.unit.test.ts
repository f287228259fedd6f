// What Node's HTTP server answers before Express sees the request (a header block over
// its limit, bytes that are not HTTP) is problem+json like every other error.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createHttpServer } from '../src/http/server';
import { buildTestApp } from './support/test-app';

let server: Server;
let port: number;

beforeEach(async () => {
  server = createHttpServer(buildTestApp().app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Sends raw bytes and reads the whole answer until the server closes the connection. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
    }),
  );
  return { statusLine, headers, body };
}

it('answers a 20 kB bearer token with 431 problem+json and closes the connection', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/v1/contacts`, {
    headers: { authorization: `Bearer ${'a'.repeat(20_000)}` },
  });

  expect(res.status).toBe(431);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.headers.get('connection')).toBe('close');
  expect(await res.json()).toMatchObject({
    type: 'urn:kith:problem:headers-too-large',
    status: 431,
    title: expect.any(String),
    detail: expect.stringContaining('16 KiB'),
    errors: [],
  });
});

it('answers bytes that are not HTTP with 400 problem+json', async () => {
  const { statusLine, headers, body } = parse(await raw('NOT HTTP AT ALL\r\n\r\n'));

  expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
  expect(headers['content-type']).toBe('application/problem+json');
  expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body));
  expect(JSON.parse(body)).toMatchObject({ type: 'urn:kith:problem:bad-request', status: 400 });
});

it('still serves a request with headers under the limit', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
    headers: { 'x-padding': 'a'.repeat(8_000) },
  });

  expect(res.status).toBe(200);
});
