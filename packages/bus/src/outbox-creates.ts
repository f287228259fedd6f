// How the relay settles a creates intent (Outbox.stageCreates) that its writer did not commit:
// pure decisions, so the rules are unit-tested apart from Kafka and the database.
import type { Document } from 'mongodb';
import type { OutboxCreatesIntent, OutboxItem, OutboxLogRecord } from './outbox';

/**
 * Says the creation of one document again: the events its writer staged, from the document
 * as stored, with the event ids the document logged (so a consumer that saw the original
 * publish recognises the repeat). Registered per collection with the relay.
 */
export type CreatedEventRebuilder = (
  doc: Document,
  eventIds: readonly string[],
  meta: Readonly<Record<string, string>>,
) => OutboxItem[];

export interface CreatesPlanRules {
  /** Published or dropped already, not deleted yet. */
  isDone(id: string): boolean;
  /** Staged by this process: its writer is alive, so it waits `ownWaitMs`, not `graceMs`. */
  isOwn(intent: OutboxCreatesIntent): boolean;
  graceMs: number;
  ownWaitMs: number;
}

/**
 * The aggregates ("<collection>:<id>") that open creates intents hold back (their later
 * versions must not go out before their creation), and the intents old enough to resolve.
 */
export function planCreatesIntents(
  intents: readonly OutboxCreatesIntent[],
  nowMs: number,
  rules: CreatesPlanRules,
): { held: Set<string>; toResolve: OutboxCreatesIntent[] } {
  const held = new Set<string>();
  const toResolve: OutboxCreatesIntent[] = [];
  for (const intent of intents) {
    if (rules.isDone(intent._id)) continue;
    for (const id of intent.aggregateIds) held.add(`${intent.collection}:${id}`);
    const wait = rules.isOwn(intent) ? rules.ownWaitMs : rules.graceMs;
    if (nowMs - new Date(intent.stagedAt).getTime() >= wait) toResolve.push(intent);
  }
  return { held, toResolve };
}

export interface LoggedCreate {
  doc: Document;
  eventIds: string[];
}

export type CreatesResolution =
  { decision: 'wait' } | { decision: 'publish'; logged: LoggedCreate[] };

/**
 * Given the documents the intent names that exist now: those that logged their version 1
 * were written, and their creation goes out. A document still missing may be on its way
 * (a slow writer), so the intent waits, until `abandonAfterMs`: then the missing ones are
 * taken as never written.
 */
export function resolveCreatesIntent(
  docs: ReadonlyArray<Document & { _outboxLog?: OutboxLogRecord[] }>,
  intent: Pick<OutboxCreatesIntent, 'aggregateIds'>,
  ageMs: number,
  abandonAfterMs: number,
): CreatesResolution {
  const named = new Set(intent.aggregateIds);
  const found = docs.filter((doc) => named.has(String(doc._id)));
  if (found.length < named.size && ageMs < abandonAfterMs) return { decision: 'wait' };
  const logged: LoggedCreate[] = [];
  for (const doc of found) {
    const record = doc._outboxLog?.find((r) => r.version === 1);
    if (record) logged.push({ doc, eventIds: record.eventIds });
  }
  return { decision: 'publish', logged };
}
