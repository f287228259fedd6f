// Path and header parameters every resource shares: ids, If-Match versions, Idempotency-Key.
import { z } from './zod';

/**
 * An id as the API hands them out (uuid v7 today) or might (ulid): opaque, URL-safe, short.
 * The services check nothing more: an id that names nothing is a 404 there.
 */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id.');

export const IdParamsSchema = z.strictObject({
  id: IdSchema.openapi({
    param: { name: 'id', in: 'path' },
    example: '01934f6a-7c1e-7d2a-9f00-3c5e8a1b2c3d',
  }),
});

/** Versions start at 1, so "0" is refused here rather than by the service. */
export const IF_MATCH_PATTERN = /^"([1-9]\d{0,14})"$/;

export const IfMatchHeadersSchema = z.object({
  'if-match': z.string().regex(IF_MATCH_PATTERN).openapi({
    description:
      'Required. The version you last read, as a strong entity tag: "3" (the ETag of GET).',
    example: '"3"',
  }),
});

const IDEMPOTENCY_KEY = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces.');
const IDEMPOTENCY_EXAMPLE = '5b0c2f9e-3f51-4c9a-9d0e-7c9a1a2b3c4d';

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': IDEMPOTENCY_KEY.optional().openapi({
    description:
      'Optional. Retrying with the same key and body replays the first response ' +
      '(Idempotent-Replayed: true); the same key with another body answers 422.',
    example: IDEMPOTENCY_EXAMPLE,
  }),
});

/** For POSTs that move money: without the header the request is refused with 428. */
export const IdempotencyRequiredHeadersSchema = z.object({
  'idempotency-key': IDEMPOTENCY_KEY.openapi({
    description:
      'Required (428 without it): this request moves money, so a retry must be recognisable. ' +
      'Retrying with the same key and body replays the first response (Idempotent-Replayed: ' +
      'true), also after a timeout; the same key with another body answers 422.',
    example: IDEMPOTENCY_EXAMPLE,
  }),
});
