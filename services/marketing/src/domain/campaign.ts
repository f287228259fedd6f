// An email campaign: a segment as audience, subject and body templates with merge fields, a
// source code gifts can carry. draft → sending (a send job runs, app/campaign-send.service.ts)
// → sent (with the counts). Decisions are pure: clock and ids passed in.
import { EMAIL_ADDRESS_PATTERN, textProblem } from '@kith/contracts';
import type { DomainFieldError } from '@kith/errors';
import { CampaignError } from './marketing-error';
import { parseTemplate, TEMPLATE_LIMITS } from './merge-template';
import { EXCLUSION_REASONS, type ExclusionReason } from './recipient-eligibility';

export type CampaignState = 'draft' | 'sending' | 'sent';

export interface SendCounts {
  audience: number;
  sent: number;
  unconfirmed: number;
  failed: number;
  excluded: Partial<Record<ExclusionReason, number>>;
}

export interface Campaign {
  id: string;
  tenantId: string;
  version: number;
  name: string;
  channel: 'email';
  segmentId: string;
  subjectTemplate: string;
  bodyTemplate: string;
  sourceCode?: string;
  fromAddress: string;
  state: CampaignState;
  /** The Idempotency-Key the send was started with: the same key answers the same send. */
  sendKey?: string;
  counts?: SendCounts;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sendStartedAt?: string;
  sendFinishedAt?: string;
}

export type CampaignEvent =
  { type: 'created'; campaign: Campaign; actorId: string } | { type: 'sent'; campaign: Campaign };

export interface CampaignDecision {
  campaign: Campaign;
  events: CampaignEvent[];
}

export const CAMPAIGN_LIMITS = { name: 200, sourceCode: 64 } as const;

export function emptyCounts(): SendCounts {
  return { audience: 0, sent: 0, unconfirmed: 0, failed: 0, excluded: {} };
}

/** Every audience member is in exactly one bucket. */
export function countsAddUp(c: SendCounts): boolean {
  const excluded = EXCLUSION_REASONS.reduce((sum, r) => sum + (c.excluded[r] ?? 0), 0);
  return c.sent + c.unconfirmed + c.failed + excluded === c.audience;
}

function templateProblem(field: string, template: string, max: number): DomainFieldError[] {
  if (template.trim() === '') return [{ field, message: 'is required' }];
  if (template.length > max) return [{ field, message: `at most ${max} characters` }];
  const parsed = parseTemplate(template);
  return parsed.ok ? [] : [{ field, message: parsed.message }];
}

export function decideCreateCampaign(
  input: {
    name: string;
    segmentId: string;
    subjectTemplate: string;
    bodyTemplate: string;
    sourceCode?: string;
    fromAddress?: string;
  },
  ctx: { id: string; tenantId: string; actorId: string; now: string; defaultFrom: string },
): CampaignDecision {
  const errors: DomainFieldError[] = [];
  if (input.name.trim() === '') errors.push({ field: 'name', message: 'is required' });
  else if (input.name.length > CAMPAIGN_LIMITS.name) {
    errors.push({ field: 'name', message: `at most ${CAMPAIGN_LIMITS.name} characters` });
  }
  if (input.segmentId.trim() === '') errors.push({ field: 'segmentId', message: 'is required' });
  errors.push(
    ...templateProblem('subjectTemplate', input.subjectTemplate, TEMPLATE_LIMITS.subject),
  );
  errors.push(...templateProblem('bodyTemplate', input.bodyTemplate, TEMPLATE_LIMITS.body));
  if (input.sourceCode !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(input.sourceCode)) {
    errors.push({ field: 'sourceCode', message: 'letters, digits, _ and -, at most 64' });
  }
  if (
    input.fromAddress !== undefined &&
    (!EMAIL_ADDRESS_PATTERN.test(input.fromAddress) ||
      textProblem(input.fromAddress) !== undefined ||
      input.fromAddress.length > 254)
  ) {
    errors.push({ field: 'fromAddress', message: 'is not an email address' });
  }
  if (errors.length > 0) throw CampaignError.validation(errors);
  const campaign: Campaign = {
    id: ctx.id,
    tenantId: ctx.tenantId,
    version: 1,
    name: input.name.trim(),
    channel: 'email',
    segmentId: input.segmentId,
    subjectTemplate: input.subjectTemplate,
    bodyTemplate: input.bodyTemplate,
    ...(input.sourceCode ? { sourceCode: input.sourceCode } : {}),
    fromAddress: input.fromAddress ?? ctx.defaultFrom,
    state: 'draft',
    createdBy: ctx.actorId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { campaign, events: [{ type: 'created', campaign, actorId: ctx.actorId }] };
}

/**
 * What a send request does: start it (draft), answer the send already made under the same
 * key, or refuse (sending or sent under another key).
 */
export function decideStartSend(
  current: Campaign,
  key: string,
  now: string,
): { start: true; decision: CampaignDecision } | { start: false; campaign: Campaign } {
  if (current.state !== 'draft') {
    if (current.sendKey === key) return { start: false, campaign: current };
    throw CampaignError.refused(`campaign ${current.id} is ${current.state} already`);
  }
  const campaign: Campaign = {
    ...current,
    version: current.version + 1,
    state: 'sending',
    sendKey: key,
    sendStartedAt: now,
    updatedAt: now,
  };
  return { start: true, decision: { campaign, events: [] } };
}

export function decideFinishSend(
  current: Campaign,
  counts: SendCounts,
  now: string,
): CampaignDecision {
  if (current.state === 'sent') return { campaign: current, events: [] };
  const campaign: Campaign = {
    ...current,
    version: current.version + 1,
    state: 'sent',
    counts,
    sendFinishedAt: now,
    updatedAt: now,
  };
  return { campaign, events: [{ type: 'sent', campaign }] };
}
