// The shapes every versioned resource repeats, as explicit operations (not generated CRUD):
// create (validate -> Idempotency-Key -> 201 + Location + ETag), read (ETag), change and
// delete (If-Match: 428 missing, 400 malformed, 409 stale from the service) and list
// (limit, cursor bound to its listing and filters). Each takes what differs and returns a
// defineOperation, so the OpenAPI document and the handler come from the same object.
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { Response } from 'express';
import type { z } from 'zod';
import { decodeCursor, encodeCursor } from '../domain/pagination';
import type { AnyListFilters, CursorScope, ListFilters } from '../domain/pagination';
import { defineOperation } from './operation';
import type { Operation, OperationInput, OperationSpec, Parsed } from './operation';
import { etagHeader, json, problems } from './openapi-kit';
import { GatewayError } from './problem';
import { etagOf } from './route-helpers';

type RequestSchema = z.ZodObject | undefined;

/** What a resource answers: its version (for the ETag) and, usually, its id (Location). */
export interface VersionedResource {
  id?: string;
  version: number;
}

interface Answer {
  schema: z.ZodType;
  description: string;
  /** Documented response headers; default the ETag, null for none. */
  headers?: ResponseConfig['headers'] | null;
}

type Common<P extends RequestSchema, Q extends RequestSchema, B> = Omit<
  OperationSpec<P, Q, B>,
  'method' | 'responses' | 'handle' | 'ifMatch'
>;

function sendResource(res: Response, status: number, resource: VersionedResource): void {
  res.status(status).setHeader('ETag', etagOf(resource.version));
  res.json(resource);
}

function answer(status: number, a: Answer, problemStatuses: number[]) {
  const headers = a.headers === null ? undefined : (a.headers ?? etagHeader);
  return { [status]: json(a.schema, a.description, headers), ...problems(...problemStatuses) };
}

/** POST to a collection: 201 with Location (default `/v1<path>/<id>`) and the ETag. */
export function createOperation<
  P extends RequestSchema,
  B extends z.ZodType,
  R extends VersionedResource,
>(
  spec: Common<P, undefined, B> & {
    body: B;
    idempotent: NonNullable<OperationSpec<P, undefined, B>['idempotent']>;
    answer: Answer;
    problems?: number[];
    /** Where the new resource reads, when it has no id of its own. */
    location?(created: R): string;
    create(input: OperationInput<P, undefined, B>): Promise<R>;
  },
): Operation {
  const { answer: a, problems: statuses, create, location, ...rest } = spec;
  return defineOperation<P, undefined, B>({
    ...rest,
    method: 'post',
    responses: answer(201, a, statuses ?? [400, 403, 409, 413, 415, 422]),
    async handle(input) {
      const created = await create(input);
      const where = location
        ? location(created)
        : `/v1${spec.path}/${encodeURIComponent(created.id ?? '')}`;
      input.res.setHeader('Location', where);
      sendResource(input.res, 201, created);
    },
  });
}

/** GET of one resource, answered with its ETag. */
export function readOperation<P extends RequestSchema>(
  spec: Common<P, undefined, undefined> & {
    answer: Answer;
    problems?: number[];
    read(input: OperationInput<P, undefined, undefined>): Promise<VersionedResource>;
  },
): Operation {
  const { answer: a, problems: statuses, read, ...rest } = spec;
  return defineOperation<P, undefined, undefined>({
    ...rest,
    method: 'get',
    responses: answer(200, a, statuses ?? [400, 403, 404]),
    async handle(input) {
      sendResource(input.res, 200, await read(input));
    },
  });
}

/**
 * A change guarded by If-Match (PATCH, DELETE, or a POST to a sub-resource): the version
 * reaches `write` as `input.version`; the answer carries the new ETag.
 */
export function versionedOperation<P extends RequestSchema, B extends z.ZodType | undefined>(
  spec: Common<P, undefined, B> & {
    method: 'patch' | 'delete' | 'post' | 'put';
    answer: Answer;
    problems?: number[];
    write(input: OperationInput<P, undefined, B>): Promise<VersionedResource>;
  },
): Operation {
  const { answer: a, problems: statuses, write, ...rest } = spec;
  return defineOperation<P, undefined, B>({
    ...rest,
    ifMatch: true,
    responses: answer(200, a, statuses ?? [400, 403, 404, 409, 422, 428]),
    async handle(input) {
      sendResource(input.res, 200, await write(input));
    },
  });
}

/** What a list operation's `list` answers: the page's items and the service's next token. */
export interface UpstreamPage {
  data: unknown[];
  nextPageToken: string;
}

/**
 * GET of a collection: `limit` and `cursor` from the query; the cursor is bound to its
 * listing (`scope`) and to the filters, and unwraps to the service's opaque page token.
 */
export function listOperation<
  Q extends z.ZodObject<{ limit: z.ZodType; cursor: z.ZodType }>,
  F extends AnyListFilters = ListFilters,
  P extends RequestSchema = undefined,
>(
  spec: Common<P, Q, undefined> & {
    query: Q;
    scope: CursorScope;
    filters?(query: z.output<Q>, params: Parsed<P>): F;
    page: Answer;
    problems?: number[];
    list(
      input: OperationInput<P, Q, undefined>,
      pageToken: string,
      filters: F,
    ): Promise<UpstreamPage>;
  },
): Operation {
  const { page, problems: statuses, list, scope, filters: filtersOf, ...rest } = spec;
  return defineOperation<P, Q, undefined>({
    ...rest,
    method: 'get',
    responses: {
      200: json(page.schema, page.description),
      ...problems(...(statuses ?? [400, 403])),
    },
    async handle(input) {
      const filters = filtersOf ? filtersOf(input.query as z.output<Q>, input.params) : ({} as F);
      const cursor = (input.query as { cursor?: string }).cursor;
      const pageToken = cursor === undefined ? '' : pageTokenOf(cursor, scope, filters);
      const result = await list(input, pageToken, filters);
      input.res.json({
        data: result.data,
        nextCursor: encodeCursor(scope, filters, result.nextPageToken),
      });
    },
  });
}

/** The service's page token inside a cursor of this listing, or a 400 naming `cursor`. */
export function pageTokenOf(cursor: string, scope: CursorScope, filters: AnyListFilters): string {
  const decoded = decodeCursor(cursor, scope, filters);
  if (decoded.ok) return decoded.pageToken;
  throw cursorRefused(decoded.reason);
}

/** The 400 for a cursor that is not one of this listing's (any cursor codec's reasons). */
export function cursorRefused(reason: 'malformed' | 'other-listing'): GatewayError {
  const message =
    reason === 'malformed'
      ? 'Not a cursor this API issued.'
      : 'The cursor belongs to another listing; repeat the filters it was issued with.';
  return new GatewayError('validation-failed', 'The cursor cannot be used here.', [
    { field: 'cursor', message, in: 'query' },
  ]);
}
