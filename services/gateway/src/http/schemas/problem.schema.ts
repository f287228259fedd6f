// The RFC 9457 problem shape every error answers with.
import { z } from './zod';

export const FieldProblemSchema = z
  .object({
    field: z.string().openapi({ example: 'emails[0].address' }),
    message: z.string(),
    in: z.enum(['body', 'query', 'path', 'header']),
  })
  .openapi('FieldProblem');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:kith:problem:validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ example: '/v1/contacts' }),
    errors: z.array(FieldProblemSchema),
    mergedInto: z
      .string()
      .optional()
      .openapi({
        description:
          'Extension member, on a not-found for a person or organization that was merged ' +
          'into another, and on the failed-precondition of a merge whose victim already went ' +
          'to another record: the id of the surviving record, which holds its data now (same ' +
          'collection, e.g. /v1/contacts/{mergedInto}).',
        example: '01J9Z3K7Q2X8M4N6P0R5S1T3V7',
      }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details.' });
