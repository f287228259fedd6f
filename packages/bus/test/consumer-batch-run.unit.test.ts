import type { KafkaMessage } from 'kafkajs';
import { newEvent, toKafkaMessage, type EventEnvelope } from '@kith/events';
import { MAX_BATCH_RUN, batchRunAt, type BatchEventHandler } from '../src';

const CREATED = 'kith.contact.created.v1';
const UPDATED = 'kith.contact.updated.v1';
const DELETED = 'kith.contact.deleted.v1';

function event(type: string, n: number): EventEnvelope {
  return newEvent({
    id: `evt-${n}`,
    type,
    source: 'kith/contact',
    subject: `contact-${n}`,
    tenantId: 'tenant-a',
    time: '2026-01-01T00:00:00.000Z',
    data: { n },
  });
}

/** Messages as a fetched batch hands them over, one per type, offsets from 0. */
function messages(...types: string[]): KafkaMessage[] {
  return types.map((type, offset) => {
    const { key, value, headers } = toKafkaMessage(event(type, offset), 'k');
    return {
      key: Buffer.from(key),
      value,
      headers,
      offset: String(offset),
      timestamp: '0',
      attributes: 0,
    };
  });
}

function undecodable(offset: number): KafkaMessage {
  const message = { key: null, value: Buffer.from('{not json'), headers: {}, timestamp: '0' };
  return { ...message, offset: String(offset), attributes: 0 };
}

const audit: BatchEventHandler = async () => undefined;
const project: BatchEventHandler = async () => undefined;

describe('batchRunAt', () => {
  it('groups the consecutive events whose types share one batch handler', () => {
    const batch = messages(CREATED, UPDATED, CREATED);

    const run = batchRunAt(batch, 0, { [CREATED]: audit, [UPDATED]: audit });

    expect(run?.handler).toBe(audit);
    expect(run?.events.map((e) => e.id)).toEqual(['evt-0', 'evt-1', 'evt-2']);
    expect([run?.first.offset, run?.last.offset]).toEqual(['0', '2']);
  });

  it('starts the run at the given message', () => {
    const batch = messages(DELETED, CREATED, CREATED);

    const run = batchRunAt(batch, 1, { [CREATED]: audit });

    expect(run?.events.map((e) => e.id)).toEqual(['evt-1', 'evt-2']);
    expect([run?.first.offset, run?.last.offset]).toEqual(['1', '2']);
  });

  it('ends the run at a type that has another batch handler', () => {
    const batch = messages(CREATED, CREATED, UPDATED, CREATED);

    const run = batchRunAt(batch, 0, { [CREATED]: audit, [UPDATED]: project });

    expect(run?.events.map((e) => e.id)).toEqual(['evt-0', 'evt-1']);
    expect(run?.last.offset).toBe('1');
  });

  it('ends the run at a type that has no batch handler', () => {
    const batch = messages(CREATED, CREATED, DELETED, CREATED);

    const run = batchRunAt(batch, 0, { [CREATED]: audit });

    expect(run?.events.map((e) => e.id)).toEqual(['evt-0', 'evt-1']);
  });

  it('ends the run at an undecodable message', () => {
    const batch = [...messages(CREATED, CREATED), undecodable(2), ...messages(CREATED)];

    const run = batchRunAt(batch, 0, { [CREATED]: audit });

    expect(run?.events.map((e) => e.id)).toEqual(['evt-0', 'evt-1']);
  });

  it('gives no run for a single event, which goes the single way', () => {
    const lone = messages(CREATED, DELETED);
    const last = messages(CREATED);

    expect(batchRunAt(lone, 0, { [CREATED]: audit })).toBeUndefined();
    expect(batchRunAt(last, 0, { [CREATED]: audit })).toBeUndefined();
  });

  it('caps a run at MAX_BATCH_RUN events', () => {
    const batch = messages(...Array.from({ length: MAX_BATCH_RUN + 3 }, () => CREATED));

    const run = batchRunAt(batch, 0, { [CREATED]: audit });

    expect(run?.events).toHaveLength(MAX_BATCH_RUN);
    expect(run?.last.offset).toBe(String(MAX_BATCH_RUN - 1));
  });
});
