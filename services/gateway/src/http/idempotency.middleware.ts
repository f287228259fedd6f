// Idempotency-Key on POST. The first request with a key claims it; its final response is
// stored and replayed to retries with the same body. A different body under the same key
// is a client bug (422); a retry while the first is still running waits for its answer and
// replays it (a double-click, or a client retrying while the first is slow), and gets 409
// only if the first is still running after the wait. Responses of 5xx release the key:
// nothing was promised (a waiting retry then runs itself), and the contact service also
// receives the key (idempotency-key metadata) to dedupe a write that succeeded after our
// timeout. Each route says which contacts its responses name (contactsAt), stored with the
// record so an erasure drops those responses; a retry then answers 410 (docs/privacy.md).
import type { Logger } from '@kith/logger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { requestFingerprint, type ContactsOf, type ResponseContacts } from '../domain/idempotency';
import type {
  BeginResult,
  Claim,
  IdempotencyStore,
  StoredResponse,
} from '../store/idempotency.repository';
import { callerOf } from './auth.middleware';
import { keyReusedError } from './error-mapper';
import { GatewayError } from './problem';
import { IdempotencyHeadersSchema } from './schemas/parameters.schema';
import { parseOrThrow } from './validation';

export const REPLAYED_HEADER = 'Idempotent-Replayed';
const STORED_HEADERS = ['content-type', 'location', 'etag'] as const;

export interface IdempotencyOptions {
  store: IdempotencyStore;
  logger: Logger;
  now: () => Date;
  /**
   * How long a request waits for the first one with its key to finish before answering 409;
   * main.ts uses the upstream deadline, which bounds the first. Default 0: no wait.
   */
  inFlightWaitMs?: number;
}

/** Between looks at an in-flight key: short at first (most creates take tens of ms). */
const POLL_FIRST_MS = 20;
const POLL_MAX_MS = 200;

/** `contactsOf` is required: a route that forgot it would keep a person's data past erasure. */
export function idempotency(opts: IdempotencyOptions, contactsOf: ContactsOf): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const headers = parseOrThrow(
      IdempotencyHeadersSchema,
      { 'idempotency-key': req.get('idempotency-key') },
      'header',
    );
    const key = headers['idempotency-key'];
    if (key === undefined) return next();
    res.locals.idempotencyKey = key;

    const caller = callerOf(res);
    const fingerprint = requestFingerprint(req.method, req.baseUrl + req.path, req.body);
    const scope = { tenantId: caller.tenantId, userId: caller.userId, key };
    const begun = await beginOrWait(opts, scope, fingerprint);
    switch (begun.outcome) {
      case 'replay':
        return replay(res, begun.response);
      case 'mismatch':
        throw keyReusedError();
      case 'in-flight':
        throw new GatewayError(
          'idempotency-key-in-flight',
          'The first request with this Idempotency-Key has not finished. Retry later.',
          [],
          { 'Retry-After': '1' },
        );
      case 'erased':
        throw new GatewayError(
          'response-erased',
          'The response to this Idempotency-Key named a person who has since been erased, so it ' +
            'is no longer kept. Nothing was done again.',
          [],
          { [REPLAYED_HEADER]: 'true' },
        );
      case 'started':
        captureResponse(res, begun.claim, opts, (body) =>
          contactsOf(body, req.params as Record<string, string>),
        );
        return next();
    }
  };
}

/** Claims the key; while another request holds it, looks again until it settles or time is up. */
async function beginOrWait(
  opts: IdempotencyOptions,
  scope: Parameters<IdempotencyStore['begin']>[0],
  fingerprint: string,
): Promise<BeginResult> {
  const waitUntil = Date.now() + (opts.inFlightWaitMs ?? 0);
  for (let pause = POLL_FIRST_MS; ; pause = Math.min(pause * 2, POLL_MAX_MS)) {
    const begun = await opts.store.begin(scope, fingerprint, opts.now());
    if (begun.outcome !== 'in-flight' || Date.now() + pause > waitUntil) return begun;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function replay(res: Response, stored: StoredResponse): void {
  res.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  res.setHeader(REPLAYED_HEADER, 'true');
  res.send(stored.body);
}

/**
 * Wraps res.send so the response is stored before it leaves: a client retrying the moment
 * it gets an answer must find the record completed, not in flight. res.json ends in send.
 */
function captureResponse(
  res: Response,
  claim: Claim,
  opts: IdempotencyOptions,
  contactsOf: (body: unknown) => ResponseContacts,
): void {
  const originalSend = res.send.bind(res);
  let captured = false;
  res.send = function sendAfterStoring(body?: unknown): Response {
    if (captured) return originalSend(body);
    captured = true;
    const status = res.statusCode;
    const stored = status >= 500 ? undefined : toStored(res, status, body);
    const settle = stored
      ? opts.store.complete(claim, stored, opts.now(), contactsNamed(stored, contactsOf))
      : opts.store.release(claim);
    void settle
      .catch((err: unknown) => opts.logger.warn({ err }, 'idempotency record not saved'))
      .then(() => originalSend(body))
      .catch((err: unknown) => opts.logger.error({ err }, 'response not sent'));
    return res;
  } as Response['send'];
}

function toStored(res: Response, status: number, body: unknown): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  let text: string;
  if (typeof body === 'string') text = body;
  else if (Buffer.isBuffer(body)) text = body.toString('utf8');
  else text = body === undefined ? '' : JSON.stringify(body);
  return { status, body: text, headers };
}

/** Only a success names the resource's contacts; an error body names none. */
function contactsNamed(stored: StoredResponse, contactsOf: (body: unknown) => ResponseContacts) {
  if (stored.status >= 300) return {};
  try {
    return contactsOf(JSON.parse(stored.body) as unknown);
  } catch {
    return {};
  }
}
