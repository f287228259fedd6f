// Text every field shares: trimmed, bounded and well-formed, the services' own rule, and
// documented as such: the character rule is a `pattern` in the API document (TEXT_PATTERN,
// NON_BLANK_TEXT_PATTERN of @kith/contracts), so what the document calls valid is accepted.
import { NON_BLANK_TEXT_PATTERN, TEXT_PATTERN, textProblem } from '@kith/contracts';
import { z } from './zod';

/** No control characters, no lone surrogates: the contact service's own rule. */
export function wellFormedText(value: string, ctx: z.RefinementCtx): void {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

/**
 * `schema.max(max)` as the contact service counts a length: zod's max counts code points (as
 * JSON Schema's maxLength does), the service UTF-16 units (JavaScript's `length`: most emoji
 * are two). The refinement refuses what only the service's count puts past `max`, so the
 * gateway refuses it early too; the document still says maxLength `max`.
 */
export function maxChars<S extends z.ZodString | z.ZodURL>(schema: S, max: number): S {
  return schema.max(max).superRefine((value, ctx) => {
    if (value.length > max && [...value].length <= max) {
      ctx.addIssue({
        code: 'custom',
        message: `Too big: expected string to have <=${max} characters (most emoji count as two)`,
      });
    }
  }) as S;
}

// Both count `max` before trimming too, as the document's maxLength does: a text padded past it
// is refused though its trimmed form would fit (the document cannot say "after trimming").

/** A trimmed text of 1..max characters that are not controls (a name, a label, a line). */
export const shortText = (max: number) =>
  maxChars(z.string().max(max).trim().min(1), max)
    .superRefine(wellFormedText)
    .openapi({ pattern: NON_BLANK_TEXT_PATTERN });

/**
 * A text of at most max characters that may be empty (a description, a subject, a body):
 * trimmed unless `trim: false` (a body keeps its spacing), no control characters.
 */
export const freeText = (max: number, opts: { trim?: boolean } = {}) =>
  maxChars(opts.trim === false ? z.string() : z.string().max(max).trim(), max)
    .superRefine(wellFormedText)
    .openapi({ pattern: TEXT_PATTERN });
