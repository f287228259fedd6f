import { ConfigError } from '@kith/config';
import { loadInteractionConfig } from '../src/config';

const required = { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017/' };

describe('loadInteractionConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadInteractionConfig(required)).toMatchObject({
      INTERACTION_GRPC_PORT: 50052,
      INTERACTION_DB_NAME: 'kith_interaction',
      INTERACTION_MAX_IN_FLIGHT_CALLS: 64,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
    });
  });

  it('names every missing or invalid variable at once', () => {
    let error: unknown;
    try {
      loadInteractionConfig({ INTERACTION_GRPC_PORT: '70000', INTERACTION_DB_NAME: 'has.dot' });
    } catch (err) {
      error = err;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'KAFKA_BROKERS',
      'MONGO_URL',
      'INTERACTION_GRPC_PORT',
      'INTERACTION_DB_NAME',
    ]) {
      expect(problems).toContain(name);
    }
  });
});
