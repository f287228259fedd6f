// What one import row becomes: a failure with its field errors, a skip, an update of the
// contact it duplicates, or a new contact. Pure: the id and the time are passed in, the
// matcher is the job's in-memory one (a create is remembered, so later rows match it).
// A row with an id (an export's `id` column) is that contact, not a guess: it is skipped or
// updated whatever the tenant's rules say, and never copied (with `create` it is skipped).
import type { ConsentRecord } from './consent';
import type { Contact, ContactFields, ContactFieldsInput } from './contact';
import { decideCreate } from './contact-decisions';
import { ContactError, type ContactFieldError } from './contact-error';
import type { ContactImportJob, RowOutcome } from './contact-import';
import type { CustomFieldDefinition } from './custom-field';
import { customFieldsFromCells } from './custom-field-cells';
import {
  importedConsentRecords,
  withImportedConsent,
  type ImportConsentInput,
} from './import-consent';
import type { ImportMatcher } from './import-matcher';

export interface ImportRowFields {
  rowNumber: number;
  fields: ContactFieldsInput;
  /** Problems the caller found while mapping cells to fields. */
  mappingErrors: ContactFieldError[];
  /** The file's `id` column, if it has one. */
  contactId?: string;
  /** The file's consent columns, one entry per channel given. */
  consents?: ImportConsentInput[];
}

export type ImportRowDecision =
  | { outcome: RowOutcome }
  | { outcome: RowOutcome; create: Contact }
  | { outcome: RowOutcome; update: ContactFields; consents: ConsentRecord[] };

const GONE_MESSAGES = {
  deleted: 'names a deleted contact; clear the cell to import the row as new',
  erased: 'names an erased contact; it cannot be imported again',
} as const;

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
  // An id the tenant does not know (another tenant's, another system's) is no id at all.
  const named = row.contactId
    ? ctx.matcher.resolveId(row.contactId)
    : { status: 'unknown' as const };
  if (named.status === 'deleted' || named.status === 'erased') {
    return failed([{ field: 'id', message: GONE_MESSAGES[named.status] }]);
  }
  const consent = importedConsentRecords(row.consents ?? [], {
    now: ctx.now,
    ...(job.createdBy ? { recordedBy: job.createdBy } : {}),
  });
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
    return failed([...rowErrorsOf(err), ...consent.errors]);
  }
  if (consent.errors.length > 0) return failed(consent.errors);
  const existingId =
    named.status === 'live'
      ? named.id
      : job.onDuplicate === 'create'
        ? undefined
        : ctx.matcher.match(contact)?.existingId;
  // With `create`, only an id finds a contact here: a named contact is never copied.
  if (existingId && job.onDuplicate !== 'update') {
    return { outcome: { rowNumber: row.rowNumber, status: 'skipped', contactId: existingId } };
  }
  if (existingId) {
    return {
      outcome: { rowNumber: row.rowNumber, status: 'updated', contactId: existingId },
      update: contact,
      consents: consent.records,
    };
  }
  // Owned by the importing user unless the row says otherwise, as an API create is.
  const owned =
    contact.ownerId || !job.createdBy ? contact : { ...contact, ownerId: job.createdBy };
  const created = withImportedConsent(owned, consent.records).contact;
  ctx.matcher.remember(created.id, created);
  return {
    outcome: { rowNumber: row.rowNumber, status: 'created', contactId: created.id },
    create: created,
  };
}
