// Whether a consumer group has handled everything published to a topic so far: its committed
// offsets reach the end of every partition. Offsets are committed only after a handler's effect
// is stored (ConsumerRunner), so a test that waits for this knows that every event it published
// before was handled, including those that changed nothing (a replay, a duplicate).
import { Kafka, logLevel } from 'kafkajs';

export async function groupCaughtUp(opts: {
  brokers: string[];
  /** As Kafka knows it: with the topic prefix. */
  groupId: string;
  /** With the topic prefix. */
  topic: string;
}): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'kith-testkit',
    brokers: opts.brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(opts.topic);
    const [committed] = await admin.fetchOffsets({ groupId: opts.groupId, topics: [opts.topic] });
    return ends.every((end) => {
      const done = committed?.partitions.find((p) => p.partition === end.partition);
      return end.high === '0' || done?.offset === end.high;
    });
  } finally {
    await admin.disconnect();
  }
}
