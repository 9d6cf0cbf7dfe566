// Integration tests: real MySQL and Redis (MYSQL_URL / REDIS_URL), each file on its own
// throwaway schema and queue prefix. Run serially: two cores, shared servers.
const preset = require('./jest.preset');
module.exports = {
  ...preset,
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 1,
};
