// Pieces every operation declaration (http/operation.ts) uses: problem responses, JSON
// bodies, the ETag header and the roles note, so each route documents the same way.
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { PERMISSIONS } from '../domain/permissions';
import type { Permission } from '../domain/permissions';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemSchema } from './schemas/problem.schema';

const PROBLEMS: Record<number, string> = {
  400: 'Malformed JSON, unknown fields or invalid values (see errors[]).',
  401: 'Missing, expired or invalid bearer token.',
  403: 'Your roles do not allow this.',
  404: 'No such record in your tenant (or it is of the other kind).',
  409: 'Version conflict, or the same Idempotency-Key is still in flight.',
  410: 'The stored response of this Idempotency-Key named a person since erased (response-erased).',
  413: 'Body over its size limit: 100 kB of JSON by default (GATEWAY_BODY_LIMIT_KB).',
  415: 'Body is not of the media type the operation takes (application/json unless it says).',
  422: 'Idempotency-Key reused with another body, or the record does not allow this.',
  428: 'If-Match is missing, or Idempotency-Key on a POST that moves money.',
  429:
    'Rate limit of your tenant, your user or (failed authentications) your address reached ' +
    '(rate-limited), or your tenant already has its share of calls to a service in flight ' +
    '(tenant-over-share). Retry after Retry-After seconds.',
  431: 'Request line and headers over 16 KiB (e.g. an oversized token); answered before routing.',
  500: 'Unexpected error; nothing internal is disclosed.',
  503: 'A dependency is unavailable, or the gateway or a service is overloaded (overloaded); retry after Retry-After seconds.',
  504: 'A dependency did not answer in time; retry.',
};

const retryAfterHeader = {
  'Retry-After': {
    description: 'Seconds to wait before sending the request again.',
    schema: { type: 'integer' as const, minimum: 1 },
  },
};

/** On every /v1 answer once the caller is known, and on a 429 from a rate limit. */
const rateLimitHeaders = {
  'RateLimit-Policy': {
    description:
      'The token buckets that apply (draft-ietf-httpapi-ratelimit-headers): "tenant";q=400;w=2, "user";q=100;w=2 (q = burst, w = seconds to refill it).',
    schema: { type: 'string' as const },
  },
  RateLimit: {
    description:
      'What is left of each: "tenant";r=399;t=1, "user";r=99;t=1 (r = requests left, t = seconds until full).',
    schema: { type: 'string' as const },
  },
};

const PROBLEM_HEADERS: Record<number, ResponseConfig['headers']> = {
  429: { ...retryAfterHeader, ...rateLimitHeaders },
  503: retryAfterHeader,
};

export function problems(...statuses: number[]): Record<number, ResponseConfig> {
  const out: Record<number, ResponseConfig> = {};
  for (const status of [...statuses, 401, 429, 431, 500, 503, 504]) {
    out[status] = {
      description: PROBLEMS[status] ?? 'Problem',
      ...(PROBLEM_HEADERS[status] ? { headers: PROBLEM_HEADERS[status] } : {}),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return out;
}

export function json(
  schema: z.ZodType,
  description: string,
  headers?: ResponseConfig['headers'],
): ResponseConfig {
  return { description, headers, content: { 'application/json': { schema } } };
}

export const etagHeader = {
  ETag: {
    description: 'The record version as a strong entity tag: "3".',
    schema: { type: 'string' as const },
  },
};

/** On a 201 of a POST that takes an Idempotency-Key. */
export const replayedHeader = {
  'Idempotent-Replayed': {
    description: '"true" when this is a stored response replayed for an Idempotency-Key.',
    schema: { type: 'string' as const },
  },
};

export function rolesNote(permission: Permission): string {
  return `Requires ${permission} (roles: ${PERMISSIONS[permission].join(', ')}).`;
}
