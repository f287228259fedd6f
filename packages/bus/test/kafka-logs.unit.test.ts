import { Writable } from 'node:stream';
import { logLevel } from 'kafkajs';
import { createLogger } from '@kith/logger';
import { pinoLogCreator } from '../src/kafka';

function capture() {
  const lines: Array<{ level: string; msg: string }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const logger = createLogger({ service: 'test', level: 'debug', destination });
  return { lines, log: pinoLogCreator(logger)(logLevel.DEBUG) };
}

const entry = (namespace: string, level: logLevel, message: string) => ({
  namespace,
  level,
  label: 'x',
  log: { message, timestamp: '', logger: 'kafkajs' },
});

describe('kafkajs logs through pino', () => {
  it('logs a connection error response that kafkajs retries as a warning', () => {
    const { lines, log } = capture();

    log(entry('Connection', logLevel.ERROR, 'The coordinator is loading'));

    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'The coordinator is loading' }),
    ]);
  });

  it('keeps other errors as errors', () => {
    const { lines, log } = capture();

    log(entry('Consumer', logLevel.ERROR, 'Crash'));

    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'Crash' })]);
  });
});
