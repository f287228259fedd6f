import * as grpc from '@grpc/grpc-js';

/** One problem with one request field, e.g. `{ field: 'emails[0].address', message: '...' }`. */
export interface FieldError {
  field: string;
  message: string;
}

/** Trailing-metadata key carrying FieldError[] as JSON. */
export const FIELD_ERRORS_KEY = 'x-kith-field-errors';

/** An error a handler means to send: a gRPC status code, a message and optional field errors. */
export class StatusError extends Error {
  readonly code: grpc.status;
  readonly fieldErrors: FieldError[];

  constructor(code: grpc.status, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = 'StatusError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** The shape a grpc-js callback sends: code, details and trailing metadata. */
  toServiceError(): Partial<grpc.StatusObject> & Error {
    const metadata = new grpc.Metadata();
    if (this.fieldErrors.length > 0) {
      metadata.set(FIELD_ERRORS_KEY, asciiJson(this.fieldErrors));
    }
    return Object.assign(new Error(this.message), {
      code: this.code,
      details: this.message,
      metadata,
    });
  }
}

/** True for the errors grpc-js clients reject with (code + details + metadata). */
export function isServiceError(err: unknown): err is grpc.ServiceError {
  return (
    err instanceof Error &&
    typeof (err as Partial<grpc.ServiceError>).code === 'number' &&
    (err as Partial<grpc.ServiceError>).metadata instanceof grpc.Metadata
  );
}

/** The field errors a server put in the trailers; [] when absent or unreadable. */
export function readFieldErrors(err: grpc.ServiceError): FieldError[] {
  const raw = err.metadata?.get(FIELD_ERRORS_KEY)[0];
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is FieldError =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as FieldError).field === 'string' &&
        typeof (e as FieldError).message === 'string',
    );
  } catch {
    return [];
  }
}

// Metadata values must be printable ASCII; escaping the rest keeps the JSON valid and the
// message intact (field messages may quote non-ASCII input).
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
