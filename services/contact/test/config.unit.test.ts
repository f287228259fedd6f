import { ConfigError } from '@kith/config';
import { loadContactConfig } from '../src/config';

const required = { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017/' };

describe('loadContactConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadContactConfig(required);

    expect(config).toMatchObject({
      CONTACT_GRPC_PORT: 50051,
      CONTACT_DB_NAME: 'kith_contact',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KITH_TOPIC_PREFIX: '',
      PROCESSED_EVENTS_RETENTION_DAYS: 14,
    });
  });

  it('reads the processed-event retention in whole days, 0 meaning never prune', () => {
    const days = (value: string) =>
      loadContactConfig({ ...required, PROCESSED_EVENTS_RETENTION_DAYS: value })
        .PROCESSED_EVENTS_RETENTION_DAYS;

    expect(days('30')).toBe(30);
    expect(days('0')).toBe(0);
    for (const bad of ['-1', '1.5', 'a week']) expect(() => days(bad)).toThrow(ConfigError);
  });

  it('names every missing or invalid variable at once', () => {
    let error: unknown;
    try {
      loadContactConfig({ CONTACT_GRPC_PORT: '70000', CONTACT_DB_NAME: 'has.dot' });
    } catch (err) {
      error = err;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'CONTACT_GRPC_PORT', 'CONTACT_DB_NAME']) {
      expect(problems).toContain(name);
    }
  });
});
