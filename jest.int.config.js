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
  // A worker has exited within 5 ms of Jest's end message with no handle open, but the OS then needs
  // 1.4–1.5 s to tear down its ~2 GB (32 files' module registries) on a loaded 2-core machine: past
  // the default 500 ms, Jest force-exits it and blames leaks. A real leak still shows: such a worker
  // never exits by itself. Measured in docs/benchmarks.md ("Integration suite").
  workerGracefulExitTimeout: 5000,
};
