// The one error shape of a service's domain: a code from the service's own enum, a message
// written for the caller, the fields at fault, and facts a caller may act on without parsing
// the message. Transports map `code` through an exhaustive table (@kith/grpc-kit
// domainErrorStatus), so a new code does not compile until it is mapped.

export interface DomainFieldError {
  /** Path relative to the request, e.g. `emails[1].address`, `updateMask`. */
  field: string;
  message: string;
}

export class DomainError<
  Code extends string = string,
  Facts extends object = Record<string, never>,
> extends Error {
  readonly code: Code;
  readonly fieldErrors: DomainFieldError[];
  readonly facts: Partial<Facts>;

  constructor(
    code: Code,
    message: string,
    fieldErrors: DomainFieldError[] = [],
    facts: Partial<Facts> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.facts = facts;
  }
}

/** "invalid household: name: is too long; role: must be one of adult, child". */
export function invalidMessage(subject: string, fieldErrors: readonly DomainFieldError[]): string {
  return `invalid ${subject}: ${fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
}

/** True for a DomainError of any service whose code is `code` (e.g. 'VERSION_CONFLICT'). */
export function hasErrorCode(err: unknown, code: string): err is DomainError {
  return err instanceof DomainError && err.code === code;
}
