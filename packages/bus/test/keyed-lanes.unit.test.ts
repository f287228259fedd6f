import { KeyedLanes } from '../src';

/** A task that records when it starts and ends, and finishes when `finish` is called. */
function gatedTask(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    log.push(`${name} start`);
    await done;
    log.push(`${name} end`);
    return name;
  };
  return { task, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedLanes', () => {
  it('runs tasks of one key one after the other, in arrival order', async () => {
    const lanes = new KeyedLanes();
    const log: string[] = [];
    const a = gatedTask(log, 'a');
    const b = gatedTask(log, 'b');

    const first = lanes.run('contact-1', a.task);
    const second = lanes.run('contact-1', b.task);
    await tick();
    const beforeFinish = [...log];
    a.finish();
    b.finish();

    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(beforeFinish).toEqual(['a start']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('runs tasks of different keys side by side', async () => {
    const lanes = new KeyedLanes();
    const log: string[] = [];
    const a = gatedTask(log, 'a');
    const b = gatedTask(log, 'b');

    const both = Promise.all([lanes.run('contact-1', a.task), lanes.run('contact-2', b.task)]);
    await tick();
    const started = [...log];
    a.finish();
    b.finish();
    await both;

    expect(started).toEqual(['a start', 'b start']);
  });

  it('runs the next task of a key after one failed, and hands each caller its own outcome', async () => {
    const lanes = new KeyedLanes();
    const failure = new Error('lost');

    const failed = lanes.run('contact-1', () => Promise.reject(failure));
    const next = lanes.run('contact-1', async () => 'ok');

    await expect(failed).rejects.toBe(failure);
    expect(await next).toBe('ok');
  });

  it('forgets a key once its lane is idle', async () => {
    const lanes = new KeyedLanes();

    await lanes.run('contact-1', async () => 'done');
    await tick();

    expect(lanes.busyKeys).toBe(0);
  });
});
