// What a pure rule threw: the InteractionError a test asserts on (its code, its fields).
import { InteractionError } from '../../src/domain/interaction-error';

export function thrown(work: () => unknown): InteractionError {
  try {
    work();
  } catch (err) {
    if (err instanceof InteractionError) return err;
    throw err;
  }
  throw new Error('expected an InteractionError, nothing was thrown');
}

/** The fields a refusal names, or [] when `work` passes. */
export function fieldsAtFault(work: () => unknown): string[] {
  try {
    work();
  } catch (err) {
    if (err instanceof InteractionError) return err.fieldErrors.map((e) => e.field);
    throw err;
  }
  return [];
}
