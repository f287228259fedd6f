// kith.contact.v1.ContactImportService: translate proto <-> domain, call the use case.
// The tenant always comes from call metadata (CallContext), never from the request.
import type { contactImportV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions } from '@kith/grpc-kit';
import type { Logger } from '@kith/logger';
import type { ContactImportService } from '../app/contact-import.service';
import { mapContactError } from './contact-error.mapper';
import {
  importJobToProto,
  outcomeToProto,
  rowErrorToProto,
  rowsFromProto,
  startCommandFromProto,
} from './contact-import-proto.mapper';

type Job = { job: contactImportV1.ContactImport };

export function contactImportHandlers(
  service: ContactImportService,
  logger: Logger,
): contactImportV1.ContactImportServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    StartContactImport: unaryHandler<contactImportV1.StartContactImportRequest__Output, Job>(
      async (req, ctx) => ({
        job: importJobToProto(
          await service.start(startCommandFromProto(req, ctx.tenantId, ctx.userId)),
        ),
      }),
      opts,
    ),

    ImportContactRows: unaryHandler<
      contactImportV1.ImportContactRowsRequest__Output,
      contactImportV1.ImportContactRowsResponse
    >(async (req, ctx) => {
      const { job, outcomes } = await service.importRows(
        ctx.tenantId,
        req.jobId,
        rowsFromProto(req.rows),
      );
      return { job: importJobToProto(job), outcomes: outcomes.map(outcomeToProto) };
    }, opts),

    FinishContactImport: unaryHandler<contactImportV1.FinishContactImportRequest__Output, Job>(
      async (req, ctx) => ({
        job: importJobToProto(await service.finish(ctx.tenantId, req.jobId, ctx.userId)),
      }),
      opts,
    ),

    GetContactImport: unaryHandler<contactImportV1.GetContactImportRequest__Output, Job>(
      async (req, ctx) => ({ job: importJobToProto(await service.get(ctx.tenantId, req.jobId)) }),
      opts,
    ),

    ListContactImportErrors: unaryHandler<
      contactImportV1.ListContactImportErrorsRequest__Output,
      contactImportV1.ListContactImportErrorsResponse
    >(async (req, ctx) => {
      const page = await service.errors(ctx.tenantId, req.jobId, req.pageToken);
      return {
        errors: page.errors.map(rowErrorToProto),
        nextPageToken: page.nextPageToken ?? '',
      };
    }, opts),
  };
}
