// The gateway's HTTP server. Node answers some requests itself, before Express sees them: a
// header block over its limit (`--max-http-header-size`, 16 KiB by default; a bearer token of
// 20 kB is enough), bytes that are not HTTP, a request whose headers arrive too slowly. Its
// own answers are bare status lines; ours are problem+json like every other error. No request
// object exists yet, so the answer is written to the socket as a whole HTTP/1.1 message, and
// the connection is closed: the parser cannot find where the next request would start.
import { createServer, maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import {
  GATEWAY_ERRORS,
  PROBLEM_CONTENT_TYPE,
  problemType,
  type GatewayErrorCode,
} from './problem';

const LINGER_MS = 2000;

export function createHttpServer(app: Express): Server {
  const server = createServer(app);
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    answerClientError(err, socket);
  });
  return server;
}

interface Refusal {
  slug: GatewayErrorCode;
  detail: string;
}

const REFUSALS: Readonly<Record<string, Refusal>> = {
  HPE_HEADER_OVERFLOW: {
    slug: 'headers-too-large',
    detail:
      `The request line and headers exceed ${maxHeaderSize / 1024} KiB; ` +
      'send a shorter token or fewer cookies.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    slug: 'request-timeout',
    detail: 'The request headers did not arrive in time.',
  },
};

const NOT_HTTP: Refusal = {
  slug: 'bad-request',
  detail: 'The request is not HTTP the server can read.',
};

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // Node's own rule: answer only if nothing was written yet (not a reset, not mid-response).
  const written = (socket as Duplex & { bytesWritten?: number }).bytesWritten ?? 0;
  if (err.code === 'ECONNRESET' || !socket.writable || written > 0) {
    socket.destroy();
    return;
  }
  const { slug, detail } = (err.code && REFUSALS[err.code]) || NOT_HTTP;
  const { status, title } = GATEWAY_ERRORS[slug];
  const body = JSON.stringify({
    type: problemType(slug),
    title,
    status,
    detail,
    // There is no request to name: the parser stopped before one was read.
    instance: '',
    errors: [],
  });
  // FIN, not a reset: the client may still be sending the rest of its headers, and a reset
  // can discard our answer before it reads it. A client that never closes is cut off later.
  const linger = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once('close', () => clearTimeout(linger));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'X-Content-Type-Options: nosniff\r\n' +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}
