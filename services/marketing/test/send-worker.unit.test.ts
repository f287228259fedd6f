// The send worker over in-memory collaborators: a job whose lease another (dead) process still
// holds is tried again once the lease can be stale, and a job whose campaign is already sent is
// closed without sending anything.
import { createLogger } from '@kith/logger';
import { emptyCounts, type Campaign } from '../src/domain/campaign';
import { SendWorker, type SendWorkerDeps } from '../src/app/send-worker';
import type { SendJob } from '../src/store/send-job.repository';

const job: SendJob = {
  _id: 't:cmp-1',
  tenantId: 't',
  campaignId: 'cmp-1',
  key: 'k',
  state: 'running',
  counts: emptyCounts(),
  startedAt: '2026-12-01T00:00:00.000Z',
  checkpointAt: '2026-12-01T00:00:00.000Z',
};

const sent = {
  id: 'cmp-1',
  tenantId: 't',
  state: 'sent',
  counts: emptyCounts(),
  updatedAt: 'x',
} as unknown as Campaign;

function worker(leases: boolean[]) {
  const calls: string[] = [];
  const deps = {
    jobs: {
      running: async () => [job],
      get: async () => job,
      lease: async () => (calls.push('lease'), leases.shift() ?? true),
      release: async () => void calls.push('release'),
      finish: async () => void calls.push('finish'),
    },
    campaigns: { findById: async () => ({ value: sent, outboxLog: [] }) },
    mailer: { send: async () => undefined, close: () => undefined },
    logger: createLogger({ service: 'test', level: 'silent' }),
    owner: 'me',
    leaseRetryMs: 20,
  } as unknown as SendWorkerDeps;
  return { worker: new SendWorker(deps), calls };
}

describe('the send worker', () => {
  it('tries a job again when its lease is held, and closes a job whose campaign is sent', async () => {
    const { worker: w, calls } = worker([false]);
    await w.start();
    await w.idle();
    expect(calls).toEqual(['lease']);

    await new Promise((resolve) => setTimeout(resolve, 60));
    await w.idle();
    expect(calls).toEqual(['lease', 'lease', 'finish', 'release']);
    await w.stop();
  });

  it('tries nothing again once stopped', async () => {
    const { worker: w, calls } = worker([false]);
    await w.start();
    await w.idle();
    await w.stop();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toEqual(['lease']);
  });
});
