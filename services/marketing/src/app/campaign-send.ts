// One recipient of a send, decided at the moment of sending: the ledger first (a contact
// decided before is counted as it was, never sent again), then the freshest profile and the
// suppression list (emailExclusion), then the claim with its message.requested event, and only
// then the hand-off to the relay. A crash after the claim and before the relay's answer leaves
// the claim `claimed`: at most once means it is counted `unconfirmed`, not sent again.
import type { Campaign, SendCounts } from '../domain/campaign';
import { renderSubject, renderTemplate } from '../domain/merge-template';
import { emailExclusion, type ExclusionReason } from '../domain/recipient-eligibility';
import { messageOutboxItems } from '../events/marketing-events';
import type { CampaignMessage, CampaignMessages } from '../store/campaign-message.repository';
import type { MarketingProfiles } from '../store/marketing-profile.repository';
import type { Suppressions } from '../store/suppression.repository';
import type { Mailer } from './campaign-mailer';

export type RecipientOutcome =
  { kind: 'sent' | 'unconfirmed' | 'failed' } | { kind: 'excluded'; reason: ExclusionReason };

export interface RecipientDeps {
  profiles: Pick<MarketingProfiles, 'get'>;
  suppressions: Pick<Suppressions, 'has'>;
  messages: Pick<CampaignMessages, 'get' | 'claim' | 'copyClaim' | 'settle'>;
  mailer: Mailer;
  newId: () => string;
  now: () => Date;
}

/** What an existing claim counts as. */
export function outcomeOfClaim(message: CampaignMessage): RecipientOutcome {
  switch (message.state) {
    case 'sent':
      return { kind: 'sent' };
    case 'failed':
      return { kind: 'failed' };
    case 'claimed':
      return { kind: 'unconfirmed' };
    case 'merged':
      return { kind: 'excluded', reason: 'already-sent' };
  }
}

export function tally(counts: SendCounts, outcome: RecipientOutcome): void {
  counts.audience += 1;
  if (outcome.kind === 'excluded') {
    counts.excluded[outcome.reason] = (counts.excluded[outcome.reason] ?? 0) + 1;
  } else {
    counts[outcome.kind] += 1;
  }
}

export async function sendToRecipient(
  deps: RecipientDeps,
  campaign: Campaign,
  contactId: string,
): Promise<RecipientOutcome> {
  const { tenantId } = campaign;
  const earlier = await deps.messages.get(tenantId, campaign.id, contactId);
  if (earlier) return outcomeOfClaim(earlier);
  const profile = await deps.profiles.get(tenantId, contactId);
  const suppressed = profile?.email ? await deps.suppressions.has(tenantId, profile.email) : false;
  const reason = emailExclusion(profile, suppressed);
  if (reason || !profile?.email) return { kind: 'excluded', reason: reason ?? 'no-email' };
  const requestedAt = deps.now().toISOString();
  const message: CampaignMessage = {
    messageId: deps.newId(),
    tenantId,
    campaignId: campaign.id,
    contactId,
    state: 'claimed',
    to: profile.email,
    subject: renderSubject(campaign.subjectTemplate, profile),
    body: renderTemplate(campaign.bodyTemplate, profile),
    claimedAt: requestedAt,
  };
  const items = messageOutboxItems({
    messageId: message.messageId,
    tenantId,
    campaignId: campaign.id,
    contactId,
    channel: 'email',
    to: profile.email,
    from: campaign.fromAddress,
    subject: message.subject ?? '',
    body: message.body ?? '',
    ...(campaign.sourceCode ? { sourceCode: campaign.sourceCode } : {}),
    requestedAt,
  });
  if (!(await deps.messages.claim(message, items))) {
    // Another sender claimed it between our read and our claim: count what it made of it.
    const winner = await deps.messages.get(tenantId, campaign.id, contactId);
    if (winner) return outcomeOfClaim(winner);
    // Its claim is staged in the outbox but not written: a sender killed between the two steps,
    // or one still writing. Nobody may mail it now; hold the claim so the ledger says so.
    const held = await deps.messages.copyClaim({
      ...message,
      error: 'another send staged it first',
    });
    const now = held ? undefined : await deps.messages.get(tenantId, campaign.id, contactId);
    return now ? outcomeOfClaim(now) : { kind: 'unconfirmed' };
  }
  try {
    await deps.mailer.send({
      messageId: message.messageId,
      campaignId: campaign.id,
      from: campaign.fromAddress,
      to: profile.email,
      subject: message.subject ?? '',
      body: message.body ?? '',
    });
  } catch (err) {
    const error = err instanceof Error ? err.message.slice(0, 500) : 'relay refused';
    await deps.messages.settle(message, { state: 'failed', at: deps.now().toISOString(), error });
    return { kind: 'failed' };
  }
  await deps.messages.settle(message, { state: 'sent', at: deps.now().toISOString() });
  return { kind: 'sent' };
}
