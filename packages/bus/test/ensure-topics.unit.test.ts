import type { Kafka } from 'kafkajs';
import { ensureTopics } from '../src/kafka';

/** An admin client whose createTopics answers the given outcomes in turn. */
function kafkaWith(existing: string[], outcomes: Array<'ok' | Error>) {
  const created: string[][] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => existing,
    createTopics: async ({ topics }: { topics: Array<{ topic: string }> }) => {
      created.push(topics.map((t) => t.topic));
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome !== 'ok') throw outcome;
      return true;
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, created };
}

const unknownPartition = () =>
  Object.assign(new Error('This server does not host this topic-partition'), {
    type: 'UNKNOWN_TOPIC_OR_PARTITION',
  });

describe('ensureTopics', () => {
  it('creates only the missing topics, with the prefix', async () => {
    const { kafka, created } = kafkaWith(['p.a'], []);

    await ensureTopics(kafka, ['a', 'b'], { prefix: 'p.' });

    expect(created).toEqual([['p.b']]);
  });

  it('asks again when the broker does not know a topic it has just created', async () => {
    const { kafka, created } = kafkaWith([], [unknownPartition()]);

    await ensureTopics(kafka, ['a']);

    expect(created).toEqual([['a'], ['a']]);
  });

  it('gives up at once on any other error', async () => {
    const { kafka, created } = kafkaWith([], [new Error('authorization failed')]);

    await expect(ensureTopics(kafka, ['a'])).rejects.toThrow('authorization failed');
    expect(created).toHaveLength(1);
  });
});
