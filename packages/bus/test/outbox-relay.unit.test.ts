import type { EventEnvelope } from '@kith/events';
import { intentId, planRelayStep, resolveStagedIntent, type OutboxIntent } from '../src';

type State = 'committed' | 'staged' | 'foreign';

function intent(aggregateId: string, version: number, state: State, stagedAt = new Date(0)) {
  const event = { id: `evt-${aggregateId}-${version}` } as EventEnvelope;
  return {
    _id: intentId('contacts', aggregateId, version),
    collection: 'contacts',
    aggregateId,
    version,
    entries: [{ seq: 1, topic: 'kith.contact.v1', key: aggregateId, event }],
    owner: state === 'foreign' ? 'another-process' : 'this-process',
    stagedAt,
    state,
  };
}

const rules = {
  isCommitted: (i: OutboxIntent) => (i as OutboxIntent & { state: State }).state === 'committed',
  isOwn: (i: OutboxIntent) => i.owner === 'this-process',
  graceMs: 5000,
  ownWaitMs: 600000,
};

describe('planRelayStep', () => {
  it('publishes committed intents in version order even when read out of order', () => {
    const plan = planRelayStep(
      [intent('a', 10, 'committed'), intent('a', 9, 'committed')],
      0,
      rules,
    );
    expect(plan.publish.map((i) => i.version)).toEqual([9, 10]);
  });

  it('holds back later versions of an aggregate behind an unresolved intent', () => {
    const plan = planRelayStep(
      [
        intent('a', 1, 'foreign', new Date(1000)),
        intent('a', 2, 'committed'),
        intent('b', 1, 'committed'),
      ],
      2000,
      rules,
    );
    expect(plan.publish.map((i) => i._id)).toEqual([intentId('contacts', 'b', 1)]);
    expect(plan.toResolve).toEqual([]);
  });

  it('asks to resolve another process’s intent once its grace period is over', () => {
    const plan = planRelayStep([intent('a', 1, 'foreign', new Date(0))], 5000, rules);
    expect(plan.toResolve.map((i) => i.version)).toEqual([1]);
  });

  it('lets this process’s uncommitted intent wait for its live writer past the grace period', () => {
    const waiting = planRelayStep([intent('a', 1, 'staged', new Date(0))], 5000, rules);
    const overdue = planRelayStep([intent('a', 1, 'staged', new Date(0))], 600000, rules);
    expect(waiting).toEqual({ publish: [], toResolve: [] });
    expect(overdue.toResolve).toHaveLength(1);
  });

  it('sorts version 10 after version 9 (ids are zero-padded)', () => {
    expect(intentId('c', 'x', 9) < intentId('c', 'x', 10)).toBe(true);
  });
});

describe('resolveStagedIntent', () => {
  const staged = intent('a', 3, 'staged');
  const logged = { version: 3, _outboxLog: [{ version: 3, eventIds: ['evt-a-3'] }] };

  it('publishes when the aggregate logged the write (the writer died before committing)', () => {
    expect(resolveStagedIntent(staged, logged, 6000, 600000)).toBe('publish');
  });

  it('publishes when later writes followed but the log still holds this one', () => {
    const later = {
      version: 5,
      _outboxLog: [...logged._outboxLog, { version: 4, eventIds: ['x'] }],
    };
    expect(resolveStagedIntent(staged, later, 6000, 600000)).toBe('publish');
  });

  it('drops when the aggregate reached the version without these events (the write lost)', () => {
    const other = { version: 3, _outboxLog: [{ version: 3, eventIds: ['someone-else'] }] };
    expect(resolveStagedIntent(staged, other, 6000, 600000)).toBe('drop');
  });

  it('waits while the write may still be on its way', () => {
    expect(resolveStagedIntent(staged, { version: 2, _outboxLog: [] }, 6000, 600000)).toBe('wait');
    expect(resolveStagedIntent(intent('new', 1, 'staged'), undefined, 6000, 600000)).toBe('wait');
  });

  it('drops an intent whose write never happened once it is abandoned', () => {
    expect(resolveStagedIntent(intent('new', 1, 'staged'), undefined, 600000, 600000)).toBe('drop');
    expect(resolveStagedIntent(staged, { version: 2, _outboxLog: [] }, 600000, 600000)).toBe(
      'drop',
    );
  });
});
