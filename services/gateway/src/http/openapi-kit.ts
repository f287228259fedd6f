// Pieces every *.openapi.ts registration uses: problem responses, JSON bodies, the ETag
// header and the roles note, so each route documents the same way.
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { PERMISSIONS } from '../domain/permissions';
import type { Permission } from '../domain/permissions';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemSchema } from './schemas/common.schema';

const PROBLEMS: Record<number, string> = {
  400: 'Malformed JSON, unknown fields or invalid values (see errors[]).',
  401: 'Missing, expired or invalid bearer token.',
  403: 'Your roles do not allow this.',
  404: 'No such record in your tenant (or it is of the other kind).',
  409: 'Version conflict, or the same Idempotency-Key is still in flight.',
  410: 'The stored response of this Idempotency-Key named a person since erased (response-erased).',
  413: 'Body over 100 kB.',
  415: 'Body is not application/json (text/csv for CSV uploads).',
  422: 'Idempotency-Key reused with another body, or the record does not allow this.',
  428: 'If-Match is missing.',
  431: 'Request line and headers over 16 KiB (e.g. an oversized token); answered before routing.',
  500: 'Unexpected error; nothing internal is disclosed.',
  503: 'A dependency is unavailable; retry.',
  504: 'A dependency did not answer in time; retry.',
};

export function problems(...statuses: number[]): Record<number, ResponseConfig> {
  const out: Record<number, ResponseConfig> = {};
  for (const status of [...statuses, 401, 431, 500, 503, 504]) {
    out[status] = {
      description: PROBLEMS[status] ?? 'Problem',
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
