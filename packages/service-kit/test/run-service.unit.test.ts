import { EventEmitter } from 'node:events';
import { runService } from '../src';

function harness() {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const lines: string[] = [];
  const order: string[] = [];
  return {
    signals,
    exits,
    lines,
    order,
    opts: {
      signals: { once: signals.once.bind(signals) } as never,
      exit: (code: number) => {
        exits.push(code);
      },
      write: (line: string) => {
        lines.push(line);
      },
      telemetry: {
        shutdown: () => {
          order.push('telemetry');
          return Promise.resolve();
        },
      },
    },
  };
}

async function settled(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('runService', () => {
  it('stops the service, then telemetry, on SIGTERM and exits 0', async () => {
    const h = harness();
    await runService({
      ...h.opts,
      name: 'contact',
      loadConfig: () => ({ KITH_SHUTDOWN_TIMEOUT_MS: 1000 }),
      start: () =>
        Promise.resolve({
          stop: () => {
            h.order.push('service');
            return Promise.resolve();
          },
        }),
    });

    h.signals.emit('SIGTERM');
    await settled();

    expect(h.order).toEqual(['service', 'telemetry']);
    expect(h.exits).toEqual([0]);
  });

  it('exits 1 when the service has not stopped within KITH_SHUTDOWN_TIMEOUT_MS', async () => {
    const h = harness();
    await runService({
      ...h.opts,
      name: 'contact',
      loadConfig: () => ({ KITH_SHUTDOWN_TIMEOUT_MS: 20 }),
      start: () => Promise.resolve({ stop: () => new Promise<void>(() => undefined) }),
    });

    h.signals.emit('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(h.exits).toEqual([1]);
    expect(h.lines.join('')).toMatch(/still stopping after 20 ms/);
  });

  it('exits 1 naming the problem when the config does not load, and starts nothing', async () => {
    const h = harness();
    const start = jest.fn();

    await runService({
      ...h.opts,
      name: 'contact',
      loadConfig: () => {
        throw new Error('MONGO_URL: Required');
      },
      start,
    });

    expect(start).not.toHaveBeenCalled();
    expect(h.exits).toEqual([1]);
    expect(h.lines).toEqual(['contact: failed to start: MONGO_URL: Required\n']);
  });
});
