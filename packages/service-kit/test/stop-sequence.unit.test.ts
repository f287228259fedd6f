import { Writable } from 'node:stream';
import { createLogger } from '@kith/logger';
import { StopSequence } from '../src';

const logger = createLogger({
  service: 'service-kit-test',
  destination: new Writable({ write: (_chunk, _enc, cb) => cb() }),
});

describe('StopSequence', () => {
  it('undoes the steps latest first', async () => {
    const stops = new StopSequence(logger);
    const undone: string[] = [];
    for (const name of ['mongo', 'producer', 'consumer', 'grpc']) {
      stops.add(name, () => {
        undone.push(name);
      });
    }

    await stops.stop();

    expect(undone).toEqual(['grpc', 'consumer', 'producer', 'mongo']);
  });

  it('still undoes the earlier steps when a later one fails to stop', async () => {
    const stops = new StopSequence(logger);
    const undone: string[] = [];
    stops.add('mongo', () => {
      undone.push('mongo');
    });
    stops.add('producer', () => Promise.reject(new Error('broker gone')));

    await stops.stop();

    expect(undone).toEqual(['mongo']);
  });

  it('undoes each step once however often it is told to stop', async () => {
    const stops = new StopSequence(logger);
    let closed = 0;
    stops.add('mongo', () => {
      closed += 1;
    });

    await Promise.all([stops.stop(), stops.stop()]);
    await stops.stop();

    expect(closed).toBe(1);
  });

  it('undoes what had started when a later start-up step fails, and rethrows', async () => {
    const stops = new StopSequence(logger);
    const undone: string[] = [];

    const started = stops.unlessFails(async () => {
      stops.add('mongo', () => {
        undone.push('mongo');
      });
      throw new Error('kafka unreachable');
    });

    await expect(started).rejects.toThrow('kafka unreachable');
    expect(undone).toEqual(['mongo']);
  });
});
