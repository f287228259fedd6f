import { ConfigError, describeConfig } from '@kith/config';
import { gatewayConfigSchema, loadGatewayConfig } from '../src/config';

const valid = {
  MONGO_URL: 'mongodb://127.0.0.1:27017/',
  KAFKA_BROKERS: '127.0.0.1:9092',
  KITH_JWT_ISSUER: 'kith',
  KITH_JWT_AUDIENCE: 'kith-api',
  KITH_JWT_HS256_SECRET: 's'.repeat(32),
};

describe('gateway config', () => {
  it('applies the documented defaults', () => {
    const config = loadGatewayConfig(valid);

    expect(config).toMatchObject({
      GATEWAY_HTTP_PORT: 8080,
      CONTACT_GRPC_ADDRESS: '127.0.0.1:50051',
      GATEWAY_DB_NAME: 'kith_gateway',
      GATEWAY_GRPC_DEADLINE_MS: 5000,
      GATEWAY_BODY_LIMIT_KB: 100,
    });
  });

  it('names every missing variable at once', () => {
    let error: unknown;
    try {
      loadGatewayConfig({});
    } catch (err) {
      error = err;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['MONGO_URL', 'KAFKA_BROKERS', 'KITH_JWT_ISSUER', 'KITH_JWT_AUDIENCE']) {
      expect(problems).toContain(name);
    }
  });

  it('needs an HS256 secret or an RS256 public key', () => {
    const { KITH_JWT_HS256_SECRET: _omitted, ...withoutKey } = valid;

    expect(() => loadGatewayConfig(withoutKey)).toThrow(
      /KITH_JWT_HS256_SECRET or KITH_JWT_RS256_PUBLIC_KEY/,
    );
  });

  it('marks the HS256 secret sensitive and describes every variable', () => {
    const vars = describeConfig(gatewayConfigSchema);

    expect(vars.find((v) => v.name === 'KITH_JWT_HS256_SECRET')?.sensitive).toBe(true);
    expect(vars.filter((v) => v.description === '').map((v) => v.name)).toEqual([]);
  });
});
