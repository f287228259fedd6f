// Response shapes of the GDPR routes (privacy.routes.ts), for the OpenAPI document.
import { IF_MATCH_PATTERN } from '../../http/schemas/parameters.schema';
import { z } from '../../http/schemas/zod';

export const OptionalIfMatchHeadersSchema = z.object({
  'if-match': z
    .string()
    .regex(IF_MATCH_PATTERN)
    .optional()
    .openapi({
      description:
        'Optional. When sent, the erasure happens only if the record is still at this version ' +
        '(409 otherwise); without it the current version is erased.',
      example: '"3"',
    }),
});

export const ErasureSchema = z
  .object({
    id: z.string(),
    kind: z.literal('person'),
    version: z.number().int(),
    erasedAt: z.iso.datetime(),
    alreadyErased: z.boolean().openapi({
      description: 'True when the person had been erased before; nothing was done now.',
    }),
  })
  .openapi('Erasure');

export const PersonalDataExportSchema = z
  .object({
    contactId: z.string(),
    generatedAt: z.iso.datetime(),
    services: z
      .record(
        z.string(),
        z.object({
          generatedAt: z.string(),
          sections: z.record(z.string(), z.unknown()).openapi({
            description:
              'Named JSON documents of that service, e.g. contact: contact, audit, households, ' +
              'relationships, customFields.',
          }),
        }),
      )
      .openapi({ description: 'One entry per service that holds personal data, by name.' }),
  })
  .openapi('PersonalDataExport');
