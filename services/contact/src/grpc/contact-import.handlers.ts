// kith.contact.v1.ContactImportService: translate proto <-> domain, call the use case.
// The tenant always comes from call metadata (CallContext), never from the request.
import type { contactImportV1 } from '@kith/contracts';
import { unaryHandler, type UnaryHandlerOptions } from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import type { Logger } from '@kith/logger';
import type { ContactImportService } from '../app/contact-import.service';
import { mapContactError } from './contact-error.mapper';
import { unlessNotFound } from './keyed-create.util';
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
  creates: IdempotentCreates,
): contactImportV1.ContactImportServiceHandlers {
  const opts: UnaryHandlerOptions = { logger, mapError: mapContactError };
  return {
    StartContactImport: unaryHandler<contactImportV1.StartContactImportRequest__Output, Job>(
      async (req, ctx) => {
        const command = startCommandFromProto(req, ctx.tenantId, ctx.userId);
        const job = await creates.create(ctx, 'ContactImportService/StartContactImport', req, {
          create: (id) => service.start(command, id),
          find: (id) => unlessNotFound(() => service.get(ctx.tenantId, id)),
        });
        return { job: importJobToProto(job) };
      },
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
