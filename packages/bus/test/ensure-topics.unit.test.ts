import type { Kafka } from 'kafkajs';
import { ensureTopics } from '../src';

/** A Kafka whose admin creates topics with the given failures first, and records the calls. */
function fakeKafka(failures: Array<Error & { retriable?: boolean }>) {
  const calls: string[] = [];
  const admin = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    listTopics: () => Promise.resolve(['kith.existing.v1']),
    createTopics: (req: { topics: Array<{ topic: string }> }) => {
      calls.push(`create ${req.topics.map((t) => t.topic).join(',')}`);
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve(true);
    },
    fetchTopicMetadata: (req: { topics: string[] }) => {
      calls.push(`metadata ${req.topics.join(',')}`);
      return Promise.resolve({ topics: [] });
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, calls };
}

const notHostedYet = () =>
  Object.assign(new Error('This server does not host this topic-partition'), { retriable: true });

describe('ensureTopics', () => {
  it('creates only the missing topics and waits until the broker knows them', async () => {
    const { kafka, calls } = fakeKafka([]);

    await ensureTopics(kafka, ['existing.v1', 'contact.v1'], { prefix: 'kith.' });

    expect(calls).toEqual(['create kith.contact.v1', 'metadata kith.contact.v1']);
  });

  it('asks again while a fresh broker does not host the new topic yet', async () => {
    const { kafka, calls } = fakeKafka([notHostedYet(), notHostedYet()]);

    await ensureTopics(kafka, ['contact.v1'], { prefix: 'kith.' });

    expect(calls.filter((c) => c.startsWith('create'))).toHaveLength(3);
    expect(calls.at(-1)).toBe('metadata kith.contact.v1');
  });

  it('gives up at once on an error that retrying cannot fix', async () => {
    const invalid = Object.assign(new Error('Replication-factor is invalid'), { retriable: false });
    const { kafka, calls } = fakeKafka([invalid]);

    await expect(ensureTopics(kafka, ['contact.v1'], { prefix: 'kith.' })).rejects.toThrow(
      'Replication-factor is invalid',
    );
    expect(calls).toEqual(['create kith.contact.v1']);
  });
});
