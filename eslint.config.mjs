// Lint: typescript-eslint plus Nx's module-boundary rule, which reads project tags
// (project.json) and fails when a project reaches where its tags do not allow.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const frameworkAndIo = [
  '@nestjs/*', 'typeorm', 'mysql2', 'mysql2/*', 'bullmq', 'ioredis', 'express', 'helmet', 'exceljs', 'bcryptjs', 'prom-client',
];
const nodeBuiltins = ['fs', 'fs/*', 'node:*', 'http', 'https', 'net', 'child_process', 'crypto', 'os', 'path', 'worker_threads'];

export default [
  { ignores: ['**/node_modules', '**/dist', '**/.nx', '**/coverage', '**/vite.config.*.timestamp*', 'apps/admin/dist'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // IsISO8601 accepts 2026, 2026-W05, ordinal dates and datetimes, which DATE columns refuse (500s
      // of issue #13): dates use @IsCalendarDate() from @cws/platform; an instant field disables this.
      'no-restricted-imports': ['error', {
        paths: [{ name: 'class-validator', importNames: ['IsISO8601', 'IsDateString'], message: 'Use @IsCalendarDate() (@cws/platform) for calendar dates.' }],
      }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // Only specs import a testing lib (no-restricted-imports below), so a cycle through one runs through
          // test files alone (payroll's specs → workers-testing → workers, whose sessions spec starts payroll).
          ignoredCircularDependencies: [['*', 'tag:type:testing']],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:core', 'type:contracts'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:platform'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:core', 'type:contracts'], bannedExternalImports: frameworkAndIo },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'], bannedExternalImports: frameworkAndIo },
            // A service sees its own code, shared code, and other services only through their contracts —
            // and, in its tests only (no-restricted-imports below), through their test-only libs.
            { sourceTag: 'scope:workers', onlyDependOnLibsWithTags: ['scope:workers', 'scope:shared', 'type:contracts', 'type:testing'] },
            { sourceTag: 'scope:payroll', onlyDependOnLibsWithTags: ['scope:payroll', 'scope:shared', 'type:contracts', 'type:testing'] },
            { sourceTag: 'scope:budget', onlyDependOnLibsWithTags: ['scope:budget', 'scope:shared', 'type:contracts', 'type:testing'] },
            { sourceTag: 'scope:scheduler', onlyDependOnLibsWithTags: ['scope:scheduler', 'scope:shared', 'type:contracts', 'type:testing'] },
            { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:shared', 'type:contracts', 'type:core'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Test-only libs (type:testing: @cws/testing, @cws/<service>-testing) are for specs and other testing libs, never production code.
    // Before the pure-libs block, which sets this rule again for its files (and bans more there).
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.fault-spec.ts', 'libs/shared/testing/**', 'libs/*/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'class-validator', importNames: ['IsISO8601', 'IsDateString'], message: 'Use @IsCalendarDate() (@cws/platform) for calendar dates.' }],
        patterns: [{ group: ['@cws/testing', '@cws/*-testing'], message: 'Test-only libs are for *.spec.ts and *.int-spec.ts files.' }],
      }],
    },
  },
  {
    // What only a download or an upload needs is loaded on the first one (docs/CONVENTIONS.md "workbooks, PDFs"):
    // a value import would load it when the service starts, and in every integration spec.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.fault-spec.ts', 'libs/shared/testing/**', 'libs/*/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: ['exceljs', 'pdfkit', 'fontkit'].map((name) => ({ name, allowTypeImports: true, message: `Load ${name} on first use: loadExcel() (@cws/platform), or import() as payslip-pdf.ts does.` })),
      }],
    },
  },
  {
    // Pure cores and contracts: no Node I/O either (they must run in the browser).
    files: ['libs/shared/kernel/**/*.ts', 'libs/*/contracts/**/*.ts', 'libs/payroll/engine/**/*.ts', 'libs/scheduler/solver/**/*.ts', 'libs/workers/core/**/*.ts', 'libs/budget/core/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: nodeBuiltins, message: 'Pure libs must not do I/O.' }, { group: frameworkAndIo, message: 'Pure libs must not import frameworks.' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.fault-spec.ts', 'tools/faults/**/*.ts', 'libs/shared/testing/**/*.ts', 'libs/*/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The database's clock in SQL is UTC_TIMESTAMP(3): NOW(3) and CURRENT_TIMESTAMP are the server's time zone (often
    // Asia/Shanghai on a city's servers), while the driver writes and reads every JS Date as UTC (timezone 'Z'), so
    // the two kinds of instant in one column — or a ledger close's window against them — were hours apart. Landed
    // migrations are history.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'tools/**/*.ts'],
    ignores: ['**/migrations/**'],
    rules: {
      'no-restricted-syntax': ['error', ...['Literal', 'TemplateElement'].map((node) => ({
        selector: `${node}[${node === 'Literal' ? 'value' : 'value.raw'}=/\\b(NOW|CURDATE|CURTIME|SYSDATE|LOCALTIME|LOCALTIMESTAMP)\\s*\\(|\\bCURRENT_(TIMESTAMP|DATE|TIME)\\b/]`,
        message: 'Use UTC_TIMESTAMP(3) in SQL: the server time zone is not the driver\'s (UTC).',
      }))],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
