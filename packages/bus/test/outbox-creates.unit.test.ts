import type { EventEnvelope } from '@kith/events';
import {
  intentId,
  planCreatesIntents,
  planRelayStep,
  resolveCreatesIntent,
  type OutboxCreatesIntent,
  type OutboxIntent,
} from '../src';

const GRACE_MS = 5_000;
const OWN_WAIT_MS = 600_000;

function createsIntent(
  id: string,
  aggregateIds: string[],
  owner: 'this-process' | 'another-process',
  stagedAt = new Date(0),
): OutboxCreatesIntent {
  return { _id: id, collection: 'contacts', aggregateIds, meta: {}, owner, stagedAt };
}

function rules(done: readonly string[] = []) {
  return {
    isDone: (id: string) => done.includes(id),
    isOwn: (intent: OutboxCreatesIntent) => intent.owner === 'this-process',
    graceMs: GRACE_MS,
    ownWaitMs: OWN_WAIT_MS,
  };
}

/** A stored document as the relay reads it back, with the `_outboxLog` its insert carried. */
function storedDoc(id: string, log: Array<{ version: number; eventIds: string[] }>) {
  return { _id: id, version: log.at(-1)?.version ?? 1, _outboxLog: log };
}

describe('planCreatesIntents', () => {
  it('holds every aggregate an open creates intent names', () => {
    const open = createsIntent('!creates:contacts:1', ['a', 'b', 'c'], 'another-process');

    const plan = planCreatesIntents([open], 0, rules());

    expect([...plan.held].sort()).toEqual(['contacts:a', 'contacts:b', 'contacts:c']);
  });

  it('neither holds nor resolves an intent already published or dropped', () => {
    const done = createsIntent('!creates:contacts:1', ['a'], 'another-process');

    const plan = planCreatesIntents([done], GRACE_MS, rules([done._id]));

    expect(plan).toEqual({ held: new Set(), toResolve: [] });
  });

  it('resolves another process’s intent once its grace period is over', () => {
    const foreign = createsIntent('!creates:contacts:1', ['a'], 'another-process');

    const early = planCreatesIntents([foreign], GRACE_MS - 1, rules());
    const due = planCreatesIntents([foreign], GRACE_MS, rules());

    expect(early.toResolve).toEqual([]);
    expect(due.toResolve).toEqual([foreign]);
  });

  it('lets this process’s own intent wait for its live writer until ownWaitMs', () => {
    const own = createsIntent('!creates:contacts:1', ['a'], 'this-process');

    const pastGrace = planCreatesIntents([own], GRACE_MS, rules());
    const overdue = planCreatesIntents([own], OWN_WAIT_MS, rules());

    expect(pastGrace.toResolve).toEqual([]);
    expect(overdue.toResolve).toEqual([own]);
  });
});

describe('resolveCreatesIntent', () => {
  const intent = { aggregateIds: ['a', 'b'] };
  const a = storedDoc('a', [{ version: 1, eventIds: ['evt-a'] }]);
  const b = storedDoc('b', [{ version: 1, eventIds: ['evt-b1', 'evt-b2'] }]);

  it('waits while a named document is missing and the intent is younger than abandonAfterMs', () => {
    expect(resolveCreatesIntent([a], intent, 59_999, 60_000)).toEqual({ decision: 'wait' });
  });

  it('publishes each document written with the event ids it logged for version 1', () => {
    const resolution = resolveCreatesIntent([a, b], intent, 0, 60_000);

    expect(resolution).toEqual({
      decision: 'publish',
      logged: [
        { doc: a, eventIds: ['evt-a'] },
        { doc: b, eventIds: ['evt-b1', 'evt-b2'] },
      ],
    });
  });

  it('publishes what exists and leaves out the missing once abandonAfterMs is over', () => {
    const resolution = resolveCreatesIntent([a], intent, 60_000, 60_000);

    expect(resolution).toEqual({ decision: 'publish', logged: [{ doc: a, eventIds: ['evt-a'] }] });
  });

  it('ignores a document that logged no version 1 (not the one this intent inserted)', () => {
    const other = storedDoc('b', [{ version: 7, eventIds: ['evt-b7'] }]);

    const resolution = resolveCreatesIntent([a, other], intent, 0, 60_000);

    expect(resolution).toEqual({ decision: 'publish', logged: [{ doc: a, eventIds: ['evt-a'] }] });
  });

  it('uses the version-1 record even when later writes were logged after it', () => {
    const updated = storedDoc('b', [
      { version: 1, eventIds: ['evt-b1'] },
      { version: 2, eventIds: ['evt-b-update'] },
    ]);

    const resolution = resolveCreatesIntent([a, updated], intent, 0, 60_000);

    expect(resolution).toEqual({
      decision: 'publish',
      logged: [
        { doc: a, eventIds: ['evt-a'] },
        { doc: updated, eventIds: ['evt-b1'] },
      ],
    });
  });
});

describe('planRelayStep with aggregates held by a creates intent', () => {
  function committedUpdate(aggregateId: string): OutboxIntent {
    const event = { id: `evt-${aggregateId}-2` } as EventEnvelope;
    return {
      _id: intentId('contacts', aggregateId, 2),
      collection: 'contacts',
      aggregateId,
      version: 2,
      entries: [{ seq: 1, topic: 'kith.contact.v1', key: aggregateId, event }],
      owner: 'this-process',
      stagedAt: new Date(0),
    };
  }
  const relayRules = {
    isCommitted: () => true,
    isOwn: () => true,
    graceMs: GRACE_MS,
    ownWaitMs: OWN_WAIT_MS,
  };

  it('does not publish a committed update of an aggregate whose creation is held', () => {
    const plan = planRelayStep(
      [committedUpdate('a'), committedUpdate('b')],
      0,
      relayRules,
      new Set(['contacts:a']),
    );

    expect(plan.publish.map((i) => i.aggregateId)).toEqual(['b']);
    expect(plan.toResolve).toEqual([]);
  });
});
