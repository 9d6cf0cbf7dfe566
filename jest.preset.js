// One Jest setup for every Node project. @swc/jest compiles TypeScript (with decorator metadata)
// and also the ESM-only NestJS 12 packages, which Jest cannot load natively.
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;
swcrc.sourceMaps = 'inline';

const esmOnly = ['@nestjs', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', 'load-esm'];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@cws/kernel$': '<rootDir>/libs/shared/kernel/src/index.ts',
    '^@cws/platform$': '<rootDir>/libs/shared/platform/src/index.ts',
    '^@cws/persistence$': '<rootDir>/libs/shared/persistence/src/index.ts',
    '^@cws/messaging$': '<rootDir>/libs/shared/messaging/src/index.ts',
    '^@cws/testing$': '<rootDir>/libs/shared/testing/src/index.ts',
    '^@cws/workers-contracts$': '<rootDir>/libs/workers/contracts/src/index.ts',
    '^@cws/payroll-contracts$': '<rootDir>/libs/payroll/contracts/src/index.ts',
    '^@cws/payroll-engine$': '<rootDir>/libs/payroll/engine/src/index.ts',
    '^@cws/payroll-testing$': '<rootDir>/libs/payroll/testing/src/index.ts',
    '^@cws/budget-contracts$': '<rootDir>/libs/budget/contracts/src/index.ts',
    '^@cws/budget-core$': '<rootDir>/libs/budget/core/src/index.ts',
    '^@cws/budget-testing$': '<rootDir>/libs/budget/testing/src/index.ts',
    '^@cws/scheduler-contracts$': '<rootDir>/libs/scheduler/contracts/src/index.ts',
    '^@cws/scheduler-solver$': '<rootDir>/libs/scheduler/solver/src/index.ts',
    '^@cws/scheduler-testing$': '<rootDir>/libs/scheduler/testing/src/index.ts',
    '^@cws/workers-core$': '<rootDir>/libs/workers/core/src/index.ts',
    '^@cws/workers-testing$': '<rootDir>/libs/workers/testing/src/index.ts',
  },
  rootDir: __dirname,
};
