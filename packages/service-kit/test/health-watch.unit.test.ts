import { Writable } from 'node:stream';
import { createLogger } from '@kith/logger';
import { watchHealth } from '../src';

const logger = createLogger({
  service: 'service-kit-test',
  destination: new Writable({ write: (_chunk, _enc, cb) => cb() }),
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchHealth', () => {
  it('reports NOT_SERVING while a check is down and SERVING once it is back', async () => {
    const states: boolean[] = [];
    let mongoUp = false;
    const watch = watchHealth(
      (serving) => states.push(serving),
      [{ name: 'mongo', check: () => Promise.resolve(mongoUp) }],
      50,
      logger,
      10,
    );

    await wait(40);
    mongoUp = true;
    await wait(40);
    watch.stop();

    expect(states).toEqual([false, true]);
  });

  it('says nothing after it is stopped, so a late probe cannot undo NOT_SERVING', async () => {
    const states: boolean[] = [];
    const watch = watchHealth(
      (serving) => states.push(serving),
      [{ name: 'mongo', check: () => Promise.resolve(false) }],
      50,
      logger,
      10,
    );

    watch.stop();
    await wait(40);

    expect(states).toEqual([]);
  });
});
