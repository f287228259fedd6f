import {
  countsAddUp,
  decideCreateCampaign,
  decideFinishSend,
  decideStartSend,
  emptyCounts,
} from '../src/domain/campaign';
import { CampaignError } from '../src/domain/marketing-error';

const ctx = {
  id: 'cmp-1',
  tenantId: 't',
  actorId: 'u',
  now: '2026-12-01T00:00:00.000Z',
  defaultFrom: 'news@example.org',
};
const input = {
  name: 'Spring',
  segmentId: 's-1',
  subjectTemplate: 'Hi {{firstName|there}}',
  bodyTemplate: 'Body',
};

describe('campaign decisions', () => {
  it('creates a draft with the default sender and its created event', () => {
    const { campaign, events } = decideCreateCampaign(input, ctx);
    expect(campaign).toMatchObject({
      state: 'draft',
      version: 1,
      fromAddress: 'news@example.org',
      channel: 'email',
    });
    expect(events).toEqual([{ type: 'created', campaign, actorId: 'u' }]);
  });

  it('refuses templates with unknown merge fields and a bad source code, naming the fields', () => {
    const err = (() => {
      try {
        decideCreateCampaign({ ...input, bodyTemplate: '{{password}}', sourceCode: 'a b' }, ctx);
      } catch (e) {
        return e as CampaignError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CampaignError);
    expect(err?.fieldErrors.map((f) => f.field)).toEqual(['bodyTemplate', 'sourceCode']);
  });

  it('starts a send once: the same key answers the send, another key is refused', () => {
    const { campaign } = decideCreateCampaign(input, ctx);
    const started = decideStartSend(campaign, 'k1', ctx.now);
    if (!started.start) throw new Error('expected a start');
    const sending = started.decision.campaign;
    expect(sending).toMatchObject({ state: 'sending', sendKey: 'k1', version: 2 });
    expect(decideStartSend(sending, 'k1', ctx.now)).toEqual({ start: false, campaign: sending });
    expect(() => decideStartSend(sending, 'k2', ctx.now)).toThrow('is sending already');
  });

  it('finishes with the counts and the sent event, once', () => {
    const { campaign } = decideCreateCampaign(input, ctx);
    const counts = {
      ...emptyCounts(),
      audience: 3,
      sent: 1,
      unconfirmed: 1,
      excluded: { 'opted-out': 1 },
    };
    const done = decideFinishSend({ ...campaign, state: 'sending' }, counts, ctx.now);
    expect(done.events).toEqual([{ type: 'sent', campaign: done.campaign }]);
    expect(decideFinishSend(done.campaign, counts, ctx.now).events).toEqual([]);
    expect(countsAddUp(counts)).toBe(true);
    expect(countsAddUp({ ...counts, audience: 4 })).toBe(false);
  });
});
