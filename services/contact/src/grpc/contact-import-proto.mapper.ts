// kith.contact.v1 import messages <-> domain types.
import type { contactImportV1 } from '@kith/contracts';
import type { ImportRowInput } from '../app/contact-import.service';
import { ContactImportError } from '../domain/contact-import-error';
import type {
  ContactImportJob,
  DuplicateAction,
  RowOutcome,
  StartImportCommand,
} from '../domain/contact-import';
import type { ImportRowError } from '../store/contact-import.repository';
import { fieldsFromProto, requiredKindFromProto } from './contact-proto.mapper';

const ACTION_FROM_PROTO: Record<string, DuplicateAction | undefined> = {
  DUPLICATE_ACTION_UNSPECIFIED: 'skip',
  DUPLICATE_ACTION_SKIP: 'skip',
  DUPLICATE_ACTION_UPDATE: 'update',
  DUPLICATE_ACTION_CREATE: 'create',
};

const ACTION_TO_PROTO: Record<DuplicateAction, contactImportV1.DuplicateAction__Output> = {
  skip: 'DUPLICATE_ACTION_SKIP',
  update: 'DUPLICATE_ACTION_UPDATE',
  create: 'DUPLICATE_ACTION_CREATE',
};

const STATUS_TO_PROTO: Record<RowOutcome['status'], contactImportV1.ImportRowStatus__Output> = {
  created: 'IMPORT_ROW_STATUS_CREATED',
  updated: 'IMPORT_ROW_STATUS_UPDATED',
  skipped: 'IMPORT_ROW_STATUS_SKIPPED',
  failed: 'IMPORT_ROW_STATUS_FAILED',
  'skipped-done': 'IMPORT_ROW_STATUS_SKIPPED_DONE',
};

export function startCommandFromProto(
  req: contactImportV1.StartContactImportRequest__Output,
  tenantId: string,
  actorId: string | undefined,
): StartImportCommand {
  const onDuplicate = ACTION_FROM_PROTO[req.onDuplicate];
  if (!onDuplicate) {
    throw ContactImportError.validation([
      { field: 'onDuplicate', message: 'must be skip, update or create' },
    ]);
  }
  return {
    tenantId,
    ...(actorId ? { actorId } : {}),
    kind: requiredKindFromProto(req.kind),
    onDuplicate,
    dryRun: req.dryRun,
    ...(req.fileName ? { fileName: req.fileName } : {}),
  };
}

export function rowsFromProto(rows: contactImportV1.ImportRow__Output[]): ImportRowInput[] {
  return rows.map((row) => ({
    rowNumber: Number(row.rowNumber),
    fields: fieldsFromProto(row.fields),
    mappingErrors: row.mappingErrors.map(({ field, message }) => ({ field, message })),
    cells: row.cells.map(({ column, value }) => ({ column, value })),
    ...(row.contactId.trim() ? { contactId: row.contactId.trim() } : {}),
    ...(row.consents.length > 0
      ? {
          consents: row.consents.map(({ channel, status, capturedAt }) => ({
            channel,
            status,
            ...(capturedAt ? { capturedAt } : {}),
          })),
        }
      : {}),
  }));
}

export function importJobToProto(job: ContactImportJob): contactImportV1.ContactImport {
  return {
    id: job.id,
    kind: job.kind === 'person' ? 'CONTACT_KIND_PERSON' : 'CONTACT_KIND_ORGANIZATION',
    onDuplicate: ACTION_TO_PROTO[job.onDuplicate],
    dryRun: job.dryRun,
    status: job.status,
    checkpoint: String(job.checkpoint),
    rows: String(job.rows),
    created: String(job.created),
    updated: String(job.updated),
    skipped: String(job.skipped),
    failed: String(job.failed),
    fileName: job.fileName ?? '',
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt ?? '',
  };
}

export function outcomeToProto(outcome: RowOutcome): contactImportV1.ImportRowOutcome {
  return {
    rowNumber: String(outcome.rowNumber),
    status: STATUS_TO_PROTO[outcome.status],
    contactId: outcome.contactId ?? '',
    errors: outcome.errors ?? [],
  };
}

export function rowErrorToProto(error: ImportRowError): contactImportV1.ImportRowError {
  return { rowNumber: String(error.rowNumber), errors: error.errors, cells: error.cells };
}
