// Integration tests: real MySQL and Redis (MYSQL_URL / REDIS_URL), each file on its own
// throwaway schema, queue prefix and ports (port 0), so files run two at a time: one file's
// MySQL and HTTP waits overlap the other's start-up (module loading and Nest boot are most of a
// file's time). Measured in docs/benchmarks.md ("Integration suite").
const preset = require('./jest.preset');
module.exports = {
  ...preset,
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
