import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import type { ServiceConfig, ServiceDefinition, ServiceName } from '@cws/platform';
import { startTestApp, testConfig, type TestApp } from '@cws/testing';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { workersService } from '../../apps/workers/src/workers.definition';

/**
 * Shared setup for the hostile specs of services that read the workforce from the workers service:
 * a seeded workers service, then the service under test (rate limit lifted) pointed at it, so
 * valid-looking input gets past that call.
 */
export async function startWithWorkers(
  name: ServiceName,
  def: (config: ServiceConfig) => ServiceDefinition,
): Promise<{ app: TestApp; workers: TestApp; ds: DataSource }> {
  const workers = await startTestApp(workersService, testConfig('workers'));
  await seedWorkersService(workers.app.get(DataSource), workers.app.get(PiiCipher), { password: 'Test@2026', workers: 30 });
  const base = testConfig(name, { rateLimitPerMinute: 1_000_000 });
  try {
    const app = await startTestApp(def, { ...base, serviceUrls: { ...base.serviceUrls, workers: new URL(workers.baseUrl).origin } });
    return { app, workers, ds: app.app.get(DataSource) };
  } catch (e) {
    await workers.close();
    throw e;
  }
}
