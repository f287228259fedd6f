import { ConfigError } from '@kith/config';
import { loadMarketingConfig } from '../src/config';

const required = { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017/' };

describe('loadMarketingConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadMarketingConfig(required)).toMatchObject({
      MARKETING_GRPC_PORT: 50054,
      MARKETING_DB_NAME: 'kith_marketing',
      MARKETING_SMTP_URL: 'smtp://127.0.0.1:1025',
      MARKETING_SEND_BATCH: 50,
      MARKETING_SEND_LEASE_STALE_MS: 30_000,
    });
  });

  it('names every missing or invalid variable at once', () => {
    let error: unknown;
    try {
      loadMarketingConfig({ MARKETING_SMTP_URL: 'http://relay', MARKETING_SEND_BATCH: '0' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'KAFKA_BROKERS',
      'MONGO_URL',
      'MARKETING_SMTP_URL',
      'MARKETING_SEND_BATCH',
    ]) {
      expect(problems).toContain(name);
    }
  });
});
