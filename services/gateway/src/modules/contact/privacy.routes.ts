// GDPR routes on people (docs/privacy.md):
//  GET  /v1/contacts/{id}/export  everything Kith holds on the person, from every service that
//       holds personal data, called in parallel with deadlines; all or nothing (503).
//  POST /v1/contacts/{id}/erase   anonymise the person (contact:erase, admins only); If-Match
//       optional; naturally idempotent, so no Idempotency-Key. The gateway's stored responses
//       naming the person are dropped here at once (cheap: two pushed-down updates), and again
//       by its consumer of kith.contact.erased.v1, which also sees erasures made elsewhere.
import { Router } from 'express';
import type { Logger } from '@kith/logger';
import { ExportFailure, assembleExport } from '../../domain/personal-data-export';
import type { UpstreamOutcome } from '../../domain/personal-data-export';
import type { ContactPrivacyGateway, PersonalDataUpstream } from '../../grpc/personal-data.client';
import type { IdempotencyStore } from '../../store/idempotency.repository';
import { callerOf, requirePermission } from '../../http/auth.middleware';
import { GatewayError } from '../../http/problem';
import {
  etagOf,
  methodNotAllowed,
  requestContext,
  versionFromIfMatch,
} from '../../http/route-helpers';
import { IdParamsSchema } from '../../http/schemas/parameters.schema';
import { parseOrThrow } from '../../http/validation';

export interface PrivacyRouterDeps {
  upstreams: readonly PersonalDataUpstream[];
  eraser: ContactPrivacyGateway;
  storedResponses: Pick<IdempotencyStore, 'eraseContact'>;
  logger: Logger;
  now: () => Date;
}

export function privacyRouter(deps: PrivacyRouterDeps): Router {
  const router = Router();
  router
    .route('/contacts/:id/export')
    .get(requirePermission('contact:export'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const ctx = requestContext(req, res);
      const outcomes = await Promise.all(
        deps.upstreams.map((upstream): Promise<UpstreamOutcome> =>
          upstream.export(id, ctx).then(
            (answer) => ({ upstream: upstream.name, ok: true, answer }),
            (error: unknown) => ({ upstream: upstream.name, ok: false, error }),
          ),
        ),
      );
      try {
        const document = assembleExport(id, deps.now().toISOString(), outcomes);
        res.setHeader('Content-Disposition', `attachment; filename="kith-export-${id}.json"`);
        res.json(document);
      } catch (err) {
        if (!(err instanceof ExportFailure)) throw err;
        if (err.reason === 'not-found')
          throw new GatewayError('not-found', 'No person with this id.');
        deps.logger.warn({ upstreams: err.upstreams }, 'personal data export incomplete');
        throw new GatewayError(
          'export-incomplete',
          'Not every service answered, so no export is given (a partial one would look complete). Retry shortly.',
          [],
          { 'Retry-After': '5' },
        );
      }
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/contacts/:id/erase')
    .post(requirePermission('contact:erase'), async (req, res) => {
      const { id } = parseOrThrow(IdParamsSchema, req.params, 'path');
      const expectedVersion = req.get('if-match') === undefined ? 0 : versionFromIfMatch(req);
      const erased = await deps.eraser.erase(
        { id, expectedVersion: String(expectedVersion) },
        requestContext(req, res),
      );
      // The erasure is done either way: the consumer retries what fails here.
      await deps.storedResponses
        .eraseContact(callerOf(res).tenantId, erased.id, deps.now())
        .catch((err: unknown) => deps.logger.warn({ err }, 'stored responses not scrubbed yet'));
      const version = Number(erased.version);
      res.setHeader('ETag', etagOf(version));
      res.json({
        id: erased.id,
        kind: erased.kind,
        version,
        erasedAt: erased.erasedAt,
        alreadyErased: erased.alreadyErased,
      });
    })
    .all(methodNotAllowed('POST'));
  return router;
}
