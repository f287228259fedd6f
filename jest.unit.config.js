// Unit tier: pure logic and fakes, no servers. `*.unit.test.ts`.
const shared = require('./jest.shared');

module.exports = { ...shared, displayName: 'unit', testMatch: ['**/*.unit.test.ts'] };
