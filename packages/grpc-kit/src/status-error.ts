import * as grpc from '@grpc/grpc-js';

/** One problem with one request field, e.g. `{ field: 'emails[0].address', message: '...' }`. */
export interface FieldError {
  field: string;
  message: string;
}

/** Trailing-metadata key carrying FieldError[] as JSON. */
export const FIELD_ERRORS_KEY = 'x-kith-field-errors';

/**
 * The machine-readable cause of an error, shaped like google.rpc.ErrorInfo: a stable
 * UPPER_SNAKE reason the caller may switch on, and string facts about it (e.g. the survivor
 * of a merged contact), so nobody has to parse the message.
 */
export interface ErrorInfo {
  reason: string;
  metadata: Record<string, string>;
}

/**
 * Trailing-metadata key carrying one ErrorInfo as JSON. JSON in a trailer like the field
 * errors, rather than google.rpc.Status in grpc-status-details-bin, which would need the
 * google.rpc protos and Any packing on both sides for the same two fields.
 */
export const ERROR_INFO_KEY = 'x-kith-error-info';

/** An error a handler means to send: a gRPC status code, a message and optional details. */
export class StatusError extends Error {
  readonly code: grpc.status;
  readonly fieldErrors: FieldError[];
  readonly errorInfo: ErrorInfo | undefined;

  constructor(
    code: grpc.status,
    message: string,
    fieldErrors: FieldError[] = [],
    errorInfo?: ErrorInfo,
  ) {
    super(message);
    this.name = 'StatusError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.errorInfo = errorInfo;
  }

  /** The shape a grpc-js callback sends: code, details and trailing metadata. */
  toServiceError(): Partial<grpc.StatusObject> & Error {
    const metadata = new grpc.Metadata();
    if (this.fieldErrors.length > 0) {
      metadata.set(FIELD_ERRORS_KEY, asciiJson(this.fieldErrors));
    }
    if (this.errorInfo) metadata.set(ERROR_INFO_KEY, asciiJson(this.errorInfo));
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

/** The ErrorInfo a server put in the trailers; undefined when absent or unreadable. */
export function readErrorInfo(err: grpc.ServiceError): ErrorInfo | undefined {
  const raw = err.metadata?.get(ERROR_INFO_KEY)[0];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { reason, metadata } = parsed as { reason?: unknown; metadata?: unknown };
    if (typeof reason !== 'string' || typeof metadata !== 'object' || metadata === null) {
      return undefined;
    }
    const facts = Object.entries(metadata).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return { reason, metadata: Object.fromEntries(facts) };
  } catch {
    return undefined;
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
