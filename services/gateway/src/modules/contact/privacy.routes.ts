// GDPR operations on people (docs/privacy.md):
//  GET  /v1/contacts/{id}/export  everything Kith holds on the person, from every service that
//       holds personal data, called in parallel with deadlines; all or nothing (503).
//  POST /v1/contacts/{id}/erase   anonymise the person (contact:erase, admins only); If-Match
//       optional; naturally idempotent, so no Idempotency-Key. The gateway's stored responses
//       naming the person are dropped here at once (cheap: two pushed-down updates), and again
//       by its consumer of kith.contact.erased.v1, which also sees erasures made elsewhere.
import { ExportFailure, assembleExport } from '../../domain/personal-data-export';
import type { UpstreamOutcome } from '../../domain/personal-data-export';
import type { PersonalDataUpstream } from '../../grpc/personal-data.client';
import { callerOf } from '../../http/auth.middleware';
import { defineOperation } from '../../http/operation';
import type { Operation } from '../../http/operation';
import { etagHeader, json, problems } from '../../http/openapi-kit';
import { GatewayError } from '../../http/problem';
import { etagOf, versionFromIfMatch } from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import type { ContactPrivacyClient } from './contact.client';
import {
  ErasureSchema,
  OptionalIfMatchHeadersSchema,
  PersonalDataExportSchema,
} from './privacy.schema';

const tags = ['Privacy'];

export function privacyOperations(
  eraser: ContactPrivacyClient,
  upstreams: readonly PersonalDataUpstream[],
): Operation[] {
  return [
    defineOperation({
      method: 'get',
      path: '/contacts/{id}/export',
      operationId: 'exportPersonData',
      summary: 'Subject access: everything Kith holds on a person',
      description:
        'Asks every service that holds personal data, in parallel, and returns one document. ' +
        'All or nothing: if any service fails or times out the answer is 503, never a partial ' +
        'export. Deleted and erased people are exported too.',
      tags,
      permission: 'contact:export',
      params: IdParamsSchema,
      responses: {
        200: json(PersonalDataExportSchema, 'The export.'),
        ...problems(400, 403, 404),
      },
      async handle({ params: { id }, ctx, edge, res }) {
        const outcomes = await Promise.all(
          upstreams.map((upstream): Promise<UpstreamOutcome> =>
            upstream.export(id, ctx).then(
              (answer) => ({ upstream: upstream.name, ok: true, answer }),
              (error: unknown) => ({ upstream: upstream.name, ok: false, error }),
            ),
          ),
        );
        try {
          const document = assembleExport(id, edge.now().toISOString(), outcomes);
          res.setHeader('Content-Disposition', `attachment; filename="kith-export-${id}.json"`);
          res.json(document);
        } catch (err) {
          if (!(err instanceof ExportFailure)) throw err;
          if (err.reason === 'not-found') {
            throw new GatewayError('not-found', 'No person with this id.');
          }
          edge.logger.warn({ upstreams: err.upstreams }, 'personal data export incomplete');
          throw new GatewayError(
            'export-incomplete',
            'Not every service answered, so no export is given (a partial one would look complete). Retry shortly.',
            [],
            { 'Retry-After': '5' },
          );
        }
      },
    }),
    defineOperation({
      method: 'post',
      path: '/contacts/{id}/erase',
      operationId: 'erasePerson',
      summary: 'Erasure: anonymise a person everywhere',
      description:
        'Anonymises the person (the id stays; names, addresses, contact details, dates, tags, ' +
        'custom values and consent wording go; the fact of an opt-out stays as a suppression), ' +
        'scrubs household names, relationship descriptions and the audit trail, and publishes ' +
        'kith.contact.erased.v1 so every service erases its data. Afterwards the person reads ' +
        'as 404. Idempotent: erasing again answers 200 with alreadyErased. 422 for an ' +
        'organization.',
      tags,
      permission: 'contact:erase',
      params: IdParamsSchema,
      headers: OptionalIfMatchHeadersSchema,
      responses: {
        200: json(ErasureSchema, 'The erased state.', etagHeader),
        ...problems(400, 403, 404, 409, 422),
      },
      async handle({ params: { id }, ctx, edge, req, res }) {
        const expectedVersion = req.get('if-match') === undefined ? 0 : versionFromIfMatch(req);
        const erased = await eraser.EraseContact(
          { id, expectedVersion: String(expectedVersion) },
          ctx,
        );
        // The erasure is done either way: the consumer retries what fails here.
        await edge.storedResponses
          .eraseContact(callerOf(res).tenantId, erased.id, edge.now())
          .catch((err: unknown) => edge.logger.warn({ err }, 'stored responses not scrubbed yet'));
        const version = Number(erased.version);
        res.setHeader('ETag', etagOf(version));
        res.json({
          id: erased.id,
          kind: erased.kind,
          version,
          erasedAt: erased.erasedAt,
          alreadyErased: erased.alreadyErased,
        });
      },
    }),
  ];
}
