// Text every field shares: trimmed, bounded and well-formed, the contact service's own rule.
import { textProblem } from '@kith/contracts';
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

export const shortText = (max: number) =>
  maxChars(z.string().trim().min(1), max).superRefine(wellFormedText);
