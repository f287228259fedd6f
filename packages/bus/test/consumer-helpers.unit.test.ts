import type { KafkaMessage } from 'kafkajs';
import { DEFAULT_RETRY, DLQ_HEADERS, backoffDelayMs, deadLetterMessage } from '../src';

describe('retry backoff', () => {
  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [5, 3200],
    [6, 5000],
    [20, 5000],
  ])('waits %i failed attempts -> %i ms with the defaults', (failed, expected) => {
    expect(backoffDelayMs(failed, DEFAULT_RETRY)).toBe(expected);
  });
});

describe('dead-letter message', () => {
  const original: KafkaMessage = {
    key: Buffer.from('c1'),
    value: Buffer.from('{"a":1}'),
    timestamp: '0',
    attributes: 0,
    offset: '42',
    headers: { ce_id: Buffer.from('e1'), ce_type: [Buffer.from('old'), Buffer.from('new')] },
  };

  it('keeps the original key, body and headers and adds why and where from', () => {
    const dead = deadLetterMessage({
      dlqTopic: 'kith.contact.v1.dlq.g',
      sourceTopic: 'p.kith.contact.v1',
      partition: 2,
      groupId: 'g',
      message: original,
      error: new TypeError('bad'),
      attempts: 5,
    });

    expect(dead).toEqual({
      topic: 'kith.contact.v1.dlq.g',
      key: original.key,
      value: original.value,
      headers: {
        ce_id: Buffer.from('e1'),
        ce_type: Buffer.from('new'),
        [DLQ_HEADERS.error]: 'TypeError: bad',
        [DLQ_HEADERS.attempts]: '5',
        [DLQ_HEADERS.originalTopic]: 'p.kith.contact.v1',
        [DLQ_HEADERS.originalPartition]: '2',
        [DLQ_HEADERS.originalOffset]: '42',
        [DLQ_HEADERS.consumerGroup]: 'g',
      },
    });
  });

  it('truncates a huge error message', () => {
    const dead = deadLetterMessage({
      dlqTopic: 'd',
      sourceTopic: 's',
      partition: 0,
      groupId: 'g',
      message: original,
      error: 'x'.repeat(10_000),
      attempts: 1,
    });

    expect(String(dead.headers[DLQ_HEADERS.error]).length).toBeLessThan(2100);
  });
});
