// One recipient of a send, decided at the moment of sending, over in-memory collaborators: the
// ledger first (a contact decided before is never mailed again), then the freshest profile and
// the suppression list, then the claim, and only then the relay.
import { emptyCounts, type Campaign } from '../src/domain/campaign';
import {
  outcomeOfClaim,
  sendToRecipient,
  tally,
  type RecipientDeps,
} from '../src/app/campaign-send';
import type { CampaignMessage } from '../src/store/campaign-message.repository';
import type { MarketingProfile } from '../src/domain/marketing-profile';
import { aProfile, withEmail } from './support/marketing-givens';

const campaign: Campaign = {
  id: 'cmp-1',
  tenantId: 'tenant-a',
  version: 2,
  name: 'Spring',
  channel: 'email',
  segmentId: 's-1',
  subjectTemplate: 'Hi {{firstName|there}}',
  bodyTemplate: 'Dear {{firstName|friend}}',
  fromAddress: 'news@example.org',
  state: 'sending',
  createdBy: 'u',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

function deps(opts: {
  profile?: MarketingProfile;
  suppressed?: boolean;
  claimed?: CampaignMessage;
  relayFails?: boolean;
  /** Another sender's claim is staged in the outbox but its document is not written. */
  claimStaged?: boolean;
}) {
  const claims: CampaignMessage[] = [];
  const settled: string[] = [];
  const mailed: string[] = [];
  const d: RecipientDeps = {
    profiles: { get: async () => opts.profile },
    suppressions: { has: async () => opts.suppressed ?? false },
    messages: {
      get: async () => opts.claimed ?? (opts.claimStaged ? undefined : claims[0]),
      claim: async (m) => (opts.claimStaged ? false : (claims.push(m), true)),
      copyClaim: async (m) => (claims.push(m), true),
      settle: async (_m, o) => void settled.push(o.state),
    },
    mailer: {
      send: async (mail) => {
        if (opts.relayFails) throw new Error('550 relay refused');
        mailed.push(`${mail.to}: ${mail.subject} / ${mail.body}`);
      },
      close: () => undefined,
    },
    newId: () => 'm-1',
    now: () => new Date('2026-12-01T10:00:00.000Z'),
  };
  return { d, claims, settled, mailed };
}

describe('sending to one recipient', () => {
  it('claims, renders and hands the message to the relay, then settles it sent', async () => {
    const { d, claims, settled, mailed } = deps({ profile: aProfile() });
    expect(await sendToRecipient(d, campaign, 'c-1')).toEqual({ kind: 'sent' });
    expect(claims.map((c) => [c.state, c.to, c.subject])).toEqual([
      ['claimed', 'jane@example.org', 'Hi Jane'],
    ]);
    expect(mailed).toEqual(['jane@example.org: Hi Jane / Dear Jane']);
    expect(settled).toEqual(['sent']);
  });

  it('never mails a contact whose claim exists, and counts it as the claim says', async () => {
    const claimed: CampaignMessage = {
      messageId: 'm-0',
      tenantId: 'tenant-a',
      campaignId: 'cmp-1',
      contactId: 'c-1',
      state: 'claimed',
      claimedAt: 'x',
    };
    const { d, mailed } = deps({ profile: aProfile(), claimed });
    expect(await sendToRecipient(d, campaign, 'c-1')).toEqual({ kind: 'unconfirmed' });
    expect(mailed).toEqual([]);
    expect(outcomeOfClaim({ ...claimed, state: 'merged' })).toEqual({
      kind: 'excluded',
      reason: 'already-sent',
    });
  });

  it('excludes by the freshest profile and the suppression list, claiming nothing', async () => {
    const optedOut = deps({ profile: withEmail(aProfile(), { consent: 'opted_out' }) });
    const suppressed = deps({ profile: aProfile(), suppressed: true });
    expect(await sendToRecipient(optedOut.d, campaign, 'c-1')).toEqual({
      kind: 'excluded',
      reason: 'opted-out',
    });
    expect(await sendToRecipient(suppressed.d, campaign, 'c-1')).toEqual({
      kind: 'excluded',
      reason: 'suppressed',
    });
    expect([...optedOut.claims, ...suppressed.claims]).toEqual([]);
  });

  it('settles a message the relay refused as failed, and counts every outcome once', async () => {
    const { d, settled } = deps({ profile: aProfile(), relayFails: true });
    const outcome = await sendToRecipient(d, campaign, 'c-1');
    const counts = emptyCounts();
    tally(counts, outcome);
    tally(counts, { kind: 'excluded', reason: 'no-email' });
    expect(outcome).toEqual({ kind: 'failed' });
    expect(settled).toEqual(['failed']);
    expect(counts).toEqual({
      audience: 2,
      sent: 0,
      unconfirmed: 0,
      failed: 1,
      excluded: { 'no-email': 1 },
    });
  });

  it('holds a claim another sender staged but never wrote (killed between the steps), mailing nothing', async () => {
    const { d, claims, mailed } = deps({ profile: aProfile(), claimStaged: true });
    expect(await sendToRecipient(d, campaign, 'c-1')).toEqual({ kind: 'unconfirmed' });
    expect(claims.map((c) => c.state)).toEqual(['claimed']);
    expect(mailed).toEqual([]);
  });
});
