/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

/**
 * The shared libs the UI may import, resolved from tsconfig.base.json's `paths` (one source of
 * truth with tsc). Only pure libs — no framework, no Node I/O — run in the browser; lint enforces
 * the same through the project tags.
 */
const BROWSER_LIBS = /^@cws\/(kernel|payroll-engine|scheduler-solver|workers-core|[a-z-]+-contracts)$/;
function browserLibAliases(root = repoRoot): Record<string, string> {
  const base = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.fromEntries(
    Object.entries(base.compilerOptions.paths)
      .filter(([name]) => BROWSER_LIBS.test(name))
      .map(([name, [target]]) => [name, path.resolve(root, target)]),
  );
}

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: { alias: browserLibAliases() },
  build: {
    outDir: path.join(repoRoot, 'dist/apps/admin'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 4200,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false }, '/admin/queues': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  test: {
    root: here,
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
    testTimeout: 30_000,
    // Vitest's default (cores − 1) is one worker on a 2-core machine, which leaves a core to the main process's
    // transforms only; two workers ran 14 spec files in 127–128 s against 197–198 s (docs/benchmarks.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Spec files share a worker's module cache instead of re-importing React, Ant Design and the app for each
    // file: import time 65 s → 8 s, the suite 139 s → 59–73 s (docs/benchmarks.md). Safe because specs hold no
    // module state: fetch is injected (scriptedFetch), routers are in memory, every render unmounts when its test
    // ends, no spec calls vi.mock, and test-setup.ts clears the page and storage after each file.
    isolate: false,
  },
});
