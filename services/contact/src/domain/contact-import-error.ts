// The error of import jobs: their own codes and messages ("invalid import: rows: ...",
// "import i-1 not found"). A row that fails keeps the contact's error in the job's report
// (ContactError field errors); this is for the job and its batches. Code values are the
// service's shared vocabulary (see household-error.ts). Mapped to gRPC statuses in
// grpc/contact-error.mapper.ts.
import { ResourceError } from '@kith/errors';

export enum ContactImportErrorCode {
  /** No such import in this tenant. */
  NOT_FOUND = 'NOT_FOUND',
  /** The job or batch breaks a rule; `fieldErrors` says which fields and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** Valid, but not now: the job is finished, or an earlier batch failed or has not arrived. */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
}

export class ContactImportError extends ResourceError<ContactImportErrorCode> {
  static readonly subject = 'import';
  static readonly codes = ContactImportErrorCode;
}
