/**
 * Test-only: the workers service for other services' integration tests. The one sanctioned
 * crossing of the app boundary (lint allows only specs to import this lib), instead of an
 * eslint-disable in every spec that needs a real workers service.
 */
import { PiiCipher } from '@cws/persistence';
import type { ServiceConfig } from '@cws/platform';
import { startTestApp, testConfig, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedWorkersService } from '../../../../apps/workers/src/seed/seed';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { workersService } from '../../../../apps/workers/src/workers.definition';

// eslint-disable-next-line @nx/enforce-module-boundaries
export { seedWorkersService } from '../../../../apps/workers/src/seed/seed';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { seedOrgAndUsers } from '../../../../apps/workers/src/seed/seed-org';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { demoResidentId } from '../../../../apps/workers/src/seed/seed-workers';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { MAX_INFLATED_BYTES } from '../../../../apps/workers/src/import-export/upload-limits';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { WORKERS_ENTITIES, WORKERS_MIGRATIONS, workersService } from '../../../../apps/workers/src/workers.definition';

/** The demo users' password in tests. */
export const TEST_PASSWORD = 'Test@2026';

/**
 * Starts the workers service on its own throwaway schema (`config`, default `testConfig('workers')`)
 * and seeds the demo city with `workers` workers. `close()` stops it and drops the schema.
 */
export async function startSeededWorkers(opts: { workers: number; config?: ServiceConfig }): Promise<TestApp> {
  const app = await startTestApp(workersService, opts.config ?? testConfig('workers'));
  try {
    await seedWorkersService(app.app.get(DataSource), app.app.get(PiiCipher), { password: TEST_PASSWORD, workers: opts.workers });
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}
