// The error of one resource (a household, a relationship, a custom field, ...): a DomainError
// whose class names its subject and its code enum once, and inherits the constructors every
// resource repeats, with one message shape each ("invalid household: ...", "household h-1
// not found"). The codes stay in the resource's own enum; a constructor whose code that enum
// lacks does not compile (CustomFieldError has no ALREADY_DELETED, so no alreadyDeleted()).
import { DomainError, invalidMessage, type DomainFieldError } from './domain-error';

/** What a resource error class declares: the noun of its messages and its code enum. */
export interface ResourceErrorClass<E, Code extends string, Needs extends string> {
  new (code: Code, message: string, fieldErrors?: DomainFieldError[]): E;
  /** "household", "custom field": the subject of every message. */
  readonly subject: string;
  /** The class's code enum; it must have the code the constructor builds. */
  readonly codes: Readonly<Record<Needs, Code>>;
}

export abstract class ResourceError<
  Code extends string,
  Facts extends object = Record<string, never>,
> extends DomainError<Code, Facts> {
  /** "household h-1 not found". */
  static notFound<E, C extends string>(this: ResourceErrorClass<E, C, 'NOT_FOUND'>, id: string): E {
    return new this(this.codes.NOT_FOUND, `${this.subject} ${id} not found`);
  }

  /** "invalid household: name: is too long", with the field errors. */
  static validation<E, C extends string>(
    this: ResourceErrorClass<E, C, 'VALIDATION_FAILED'>,
    fieldErrors: DomainFieldError[],
  ): E {
    return new this(
      this.codes.VALIDATION_FAILED,
      invalidMessage(this.subject, fieldErrors),
      fieldErrors,
    );
  }

  /**
   * "household h-1 is at version 3, not the expected version 2"; `actual` is unknown when a
   * concurrent write won the race between read and write ("... has changed, not ...").
   */
  static versionConflict<E, C extends string>(
    this: ResourceErrorClass<E, C, 'VERSION_CONFLICT'>,
    id: string,
    expected: number,
    actual?: number,
  ): E {
    const found = actual === undefined ? 'has changed' : `is at version ${actual}`;
    return new this(
      this.codes.VERSION_CONFLICT,
      `${this.subject} ${id} ${found}, not the expected version ${expected}`,
    );
  }

  /** A record that must be unique exists already; the message says which. */
  static alreadyExists<E, C extends string>(
    this: ResourceErrorClass<E, C, 'ALREADY_EXISTS'>,
    message: string,
  ): E {
    return new this(this.codes.ALREADY_EXISTS, message);
  }

  /** "household h-1 is deleted": soft-deleted, it can no longer change. */
  static alreadyDeleted<E, C extends string>(
    this: ResourceErrorClass<E, C, 'ALREADY_DELETED'>,
    id: string,
  ): E {
    return new this(this.codes.ALREADY_DELETED, `${this.subject} ${id} is deleted`);
  }

  /** Valid, but the state does not allow it (FAILED_PRECONDITION); the message says why. */
  static refused<E, C extends string>(
    this: ResourceErrorClass<E, C, 'FAILED_PRECONDITION'>,
    message: string,
    fieldErrors: DomainFieldError[] = [],
  ): E {
    return new this(this.codes.FAILED_PRECONDITION, message, fieldErrors);
  }
}
