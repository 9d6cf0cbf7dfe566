// Unit tests: pure, fast, no I/O. Run with `npx jest` or `nx run <project>:test`.
const preset = require('./jest.preset');
module.exports = {
  ...preset,
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/admin'],
};
