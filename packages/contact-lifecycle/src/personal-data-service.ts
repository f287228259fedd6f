// The GDPR export fan-out's side in every service: the gateway calls ExportPersonalData on each
// registered upstream (docs/privacy.md); a service says only its name and how it gathers what it
// holds about one contact. Holding nothing answers OK with no sections, never NOT_FOUND (only
// the contact service, the owner, answers that).
import { PERSONAL_DATA_PROTO, type privacyV1 } from '@kith/contracts';
import {
  grpcService,
  unaryHandler,
  type GrpcServiceRegistration,
  type StatusError,
} from '@kith/grpc-kit';
import type { Logger } from '@kith/logger';

/** One named part of a service's export: a JSON document (an object or an array). */
export interface PersonalDataSection {
  name: string;
  json: string;
}

/** Everything the service holds about the contact in the tenant; [] when it holds nothing. */
export type PersonalDataExporter = (
  tenantId: string,
  contactId: string,
) => Promise<PersonalDataSection[]>;

export interface PersonalDataServiceOptions {
  logger: Logger;
  /** The service's own error mapper; unknown errors answer INTERNAL. */
  mapError?: (err: unknown) => StatusError | undefined;
  /** UTC ISO-8601; injected so tests can pin it. */
  now?: () => string;
}

export const PERSONAL_DATA_SERVICE = 'kith.privacy.v1.PersonalDataService';

/** kith.privacy.v1.PersonalDataService answering as `name` (its key in the assembled export). */
export function personalDataService(
  name: string,
  exporter: PersonalDataExporter,
  opts: PersonalDataServiceOptions,
): GrpcServiceRegistration {
  const now = opts.now ?? (() => new Date().toISOString());
  const handlers: privacyV1.PersonalDataServiceHandlers = {
    ExportPersonalData: unaryHandler<
      privacyV1.ExportPersonalDataRequest__Output,
      privacyV1.ExportPersonalDataResponse
    >(
      async (req, ctx) => {
        const generatedAt = now();
        const sections = await exporter(ctx.tenantId, req.contactId);
        return {
          service: name,
          generatedAt,
          sections: sections.map((s) => ({ ...s, contentType: 'application/json' })),
        };
      },
      { logger: opts.logger, mapError: opts.mapError ?? (() => undefined) },
    ),
  };
  return grpcService(PERSONAL_DATA_PROTO, PERSONAL_DATA_SERVICE, handlers);
}
