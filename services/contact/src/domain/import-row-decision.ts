// What one import row becomes: a failure with its field errors, a skip, an update of the
// contact it duplicates, or a new contact. Pure: the id and the time are passed in, the
// matcher is the job's in-memory one (a create is remembered, so later rows match it).
import type { Contact, ContactFields, ContactFieldsInput } from './contact';
import { decideCreate } from './contact-decisions';
import { ContactError, type ContactFieldError } from './contact-error';
import type { ContactImportJob, RowOutcome } from './contact-import';
import type { CustomFieldDefinition } from './custom-field';
import { customFieldsFromCells } from './custom-field-cells';
import type { ImportMatcher } from './import-matcher';

export interface ImportRowFields {
  rowNumber: number;
  fields: ContactFieldsInput;
  /** Problems the caller found while mapping cells to fields. */
  mappingErrors: ContactFieldError[];
}

export type ImportRowDecision =
  | { outcome: RowOutcome }
  | { outcome: RowOutcome; create: Contact }
  | { outcome: RowOutcome; update: ContactFields };

/** The field errors of a refused row; a rule without fields is reported on the row itself. */
export function rowErrorsOf(err: ContactError): ContactFieldError[] {
  return err.fieldErrors.length > 0 ? err.fieldErrors : [{ field: '', message: err.message }];
}

export function decideImportRow(
  job: Pick<ContactImportJob, 'tenantId' | 'kind' | 'onDuplicate' | 'createdBy'>,
  row: ImportRowFields,
  ctx: {
    matcher: ImportMatcher;
    definitions: readonly CustomFieldDefinition[];
    id: string;
    now: string;
  },
): ImportRowDecision {
  const failed = (errors: ContactFieldError[]) => ({
    outcome: { rowNumber: row.rowNumber, status: 'failed' as const, errors },
  });
  if (row.mappingErrors.length > 0) return failed(row.mappingErrors);
  let contact: Contact;
  try {
    const fields = row.fields.customFields
      ? {
          ...row.fields,
          customFields: customFieldsFromCells(ctx.definitions, row.fields.customFields),
        }
      : row.fields;
    const command = { tenantId: job.tenantId, kind: job.kind, fields };
    contact = decideCreate(job.createdBy ? { ...command, actorId: job.createdBy } : command, {
      id: ctx.id,
      now: ctx.now,
      customFields: ctx.definitions,
    }).contact;
  } catch (err) {
    if (!(err instanceof ContactError)) throw err;
    return failed(rowErrorsOf(err));
  }
  const match = job.onDuplicate === 'create' ? undefined : ctx.matcher.match(contact);
  if (match && job.onDuplicate === 'skip') {
    return {
      outcome: { rowNumber: row.rowNumber, status: 'skipped', contactId: match.existingId },
    };
  }
  if (match) {
    return {
      outcome: { rowNumber: row.rowNumber, status: 'updated', contactId: match.existingId },
      update: contact,
    };
  }
  ctx.matcher.remember(contact.id, contact);
  return {
    outcome: { rowNumber: row.rowNumber, status: 'created', contactId: contact.id },
    create: contact,
  };
}
