// Text every field shares: trimmed, bounded and well-formed, the contact service's own rule.
import { textProblem } from '@kith/contracts';
import { z } from './zod';

/** No control characters, no lone surrogates: the contact service's own rule. */
export function wellFormedText(value: string, ctx: z.RefinementCtx): void {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

export const shortText = (max: number) =>
  z.string().trim().min(1).max(max).superRefine(wellFormedText);
