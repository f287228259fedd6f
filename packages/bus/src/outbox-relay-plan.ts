// What the relay does with the intents it reads: pure decisions, unit-tested apart from
// Kafka and the database (outbox-relay.ts runs them).
import type { OutboxIntent, OutboxLogRecord } from './outbox';

export type IntentDecision = 'publish' | 'drop' | 'wait';

/**
 * What to do with an intent that is still staged after the grace period, given its
 * aggregate's current version and `_outboxLog` (undefined: no such aggregate yet).
 */
export function resolveStagedIntent(
  intent: Pick<OutboxIntent, 'version' | 'entries'>,
  aggregate: { version?: number; _outboxLog?: OutboxLogRecord[] } | undefined,
  ageMs: number,
  abandonAfterMs: number,
): IntentDecision {
  const firstId = intent.entries[0]?.event.id;
  const logged = aggregate?._outboxLog?.some(
    (r) => r.version === intent.version && (firstId === undefined || r.eventIds.includes(firstId)),
  );
  if (logged) return 'publish';
  const version = aggregate?.version ?? 0;
  // The aggregate moved past this version without these events: the write lost or failed.
  if (aggregate && version >= intent.version) return 'drop';
  // Not written (yet): the writer may still be on its way, or died before writing.
  return ageMs >= abandonAfterMs ? 'drop' : 'wait';
}

export interface RelayPlanRules {
  /** Committed by this process: publish now. */
  isCommitted(intent: OutboxIntent): boolean;
  /** Staged by this process: its writer is alive, so it waits `ownWaitMs`, not `graceMs`. */
  isOwn(intent: OutboxIntent): boolean;
  graceMs: number;
  ownWaitMs: number;
}

/** Groups intents (sorted by _id: aggregate, then version) and decides what goes out now. */
export function planRelayStep(
  intents: OutboxIntent[],
  nowMs: number,
  rules: RelayPlanRules,
  /** Aggregates ("<collection>:<id>") whose creation an open creates intent holds. */
  held: ReadonlySet<string> = new Set(),
): { publish: OutboxIntent[]; toResolve: OutboxIntent[] } {
  const publish: OutboxIntent[] = [];
  const toResolve: OutboxIntent[] = [];
  const blocked = new Set<string>(held);
  for (const intent of [...intents].sort((a, b) => (a._id < b._id ? -1 : 1))) {
    const aggregate = `${intent.collection}:${intent.aggregateId}`;
    if (blocked.has(aggregate)) continue;
    if (rules.isCommitted(intent)) {
      publish.push(intent);
      continue;
    }
    // An unresolved intent holds back the aggregate's later versions, so order is kept.
    blocked.add(aggregate);
    const wait = rules.isOwn(intent) ? rules.ownWaitMs : rules.graceMs;
    if (nowMs - new Date(intent.stagedAt).getTime() >= wait) toResolve.push(intent);
  }
  return { publish, toResolve };
}
