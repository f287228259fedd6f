// The one place ContactError codes become gRPC statuses. The switch is exhaustive: a new
// code does not compile until it is mapped here (and then the gateway maps the status).
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { StatusError, type ErrorInfo } from '@kith/grpc-kit';
import { ContactError, ContactErrorCode } from '../domain/contact-error';

export function contactErrorToStatus(err: ContactError): StatusError {
  switch (err.code) {
    case ContactErrorCode.NOT_FOUND:
      return new StatusError(grpc.status.NOT_FOUND, err.message, [], errorInfoOf(err));
    case ContactErrorCode.VALIDATION_FAILED:
      return new StatusError(grpc.status.INVALID_ARGUMENT, err.message, err.fieldErrors);
    case ContactErrorCode.VERSION_CONFLICT:
      // ABORTED, not FAILED_PRECONDITION: the caller should re-read and retry (AIP-193).
      return new StatusError(grpc.status.ABORTED, err.message);
    case ContactErrorCode.ALREADY_DELETED:
      // Retrying will not help; the state of the system has to change first.
      return new StatusError(grpc.status.FAILED_PRECONDITION, err.message);
    case ContactErrorCode.ALREADY_EXISTS:
      return new StatusError(grpc.status.ALREADY_EXISTS, err.message);
    case ContactErrorCode.FAILED_PRECONDITION:
      return new StatusError(
        grpc.status.FAILED_PRECONDITION,
        err.message,
        err.fieldErrors,
        errorInfoOf(err),
      );
    case ContactErrorCode.BUSY:
      // ABORTED like a lost race (409 at the gateway), with a reason saying the same request
      // can simply be sent again (the gateway adds Retry-After).
      return new StatusError(grpc.status.ABORTED, err.message, [], {
        reason: CONTACT_ERROR_REASONS.busy,
        metadata: {},
      });
    default:
      return assertNever(err.code);
  }
}

/** The facts as an ErrorInfo (reasons and keys documented in contact.proto). */
export function errorInfoOf(err: ContactError): ErrorInfo | undefined {
  const { mergedInto } = err.facts;
  if (!mergedInto) return undefined;
  return { reason: CONTACT_ERROR_REASONS.merged, metadata: { survivorId: mergedInto } };
}

/** For unaryHandler's mapError: ContactErrors only; anything else stays INTERNAL. */
export function mapContactError(err: unknown): StatusError | undefined {
  return err instanceof ContactError ? contactErrorToStatus(err) : undefined;
}

function assertNever(code: never): never {
  throw new Error(`unmapped contact error code ${String(code)}`);
}
