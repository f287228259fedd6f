// Integration and end-to-end tiers: real Kafka and a real MongoDB-wire server, started
// (or reused) once by the global setup. `*.int.test.ts`, `*.e2e.test.ts`.
const shared = require('./jest.shared');

module.exports = {
  ...shared,
  displayName: 'integration',
  testMatch: ['**/*.int.test.ts', '**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/packages/testkit/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testkit/src/global-teardown.ts',
  testTimeout: 120000,
  // Two cores: test files share one Kafka broker, so run at most two at once.
  maxWorkers: 2,
};
