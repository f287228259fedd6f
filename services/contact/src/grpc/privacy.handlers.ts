// kith.privacy.v1.PersonalDataService (subject access) and kith.contact.v1.ContactPrivacyService
// (erasure), served by the contact process. Proto <-> use case only; the tenant and the actor
// come from call metadata.
import type { privacyV1 } from '@kith/contracts';
import { unaryHandler } from '@kith/grpc-kit';
import type { UnaryHandlerOptions } from '@kith/grpc-kit';
import type { Logger } from '@kith/logger';
import type { ContactEraseService } from '../app/contact-erase.service';
import type { PersonalDataExportService } from '../app/personal-data-export.service';
import { mapContactError } from './contact-error.mapper';

/** The name this service answers with: its key in the gateway's assembled export. */
export const PERSONAL_DATA_SERVICE_NAME = 'contact';

export function personalDataHandlers(
  service: PersonalDataExportService,
  logger: Logger,
  now: () => string = () => new Date().toISOString(),
): privacyV1.PersonalDataServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    ExportPersonalData: unaryHandler<
      privacyV1.ExportPersonalDataRequest__Output,
      privacyV1.ExportPersonalDataResponse
    >(async (req, ctx) => {
      const generatedAt = now();
      const sections = await service.export(ctx.tenantId, req.contactId);
      return {
        service: PERSONAL_DATA_SERVICE_NAME,
        generatedAt,
        sections: sections.map((s) => ({ ...s, contentType: 'application/json' })),
      };
    }, opts),
  };
}

export function contactPrivacyHandlers(
  service: ContactEraseService,
  logger: Logger,
): privacyV1.ContactPrivacyServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    EraseContact: unaryHandler<
      privacyV1.EraseContactRequest__Output,
      privacyV1.EraseContactResponse
    >(async (req, ctx) => {
      const expected = Number(req.expectedVersion);
      const { contact, alreadyErased } = await service.erase({
        id: req.id,
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        ...(Number.isSafeInteger(expected) && expected > 0 ? { expectedVersion: expected } : {}),
      });
      return {
        id: contact.id,
        kind: contact.kind,
        version: contact.version,
        erasedAt: contact.erasedAt ?? '',
        alreadyErased,
      };
    }, opts),
  };
}
