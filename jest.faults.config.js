// Fault scenarios (npm run test:faults): real child processes killed and restarted, on a Redis and
// a MariaDB each file starts for itself (tools/faults/fault-infra.ts). Slow; not part of npm test.
const preset = require('./jest.preset');
module.exports = {
  ...preset,
  testMatch: ['<rootDir>/tools/faults/**/*.fault-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 600000,
  maxWorkers: 1,
};
