import { DataSource } from 'typeorm';
import type { ServiceConfig, ServiceDefinition, ServiceName } from '@cws/platform';
import { startTestApp, testConfig, type TestApp } from '@cws/testing';
import { startSeededWorkers } from '@cws/workers-testing';

/**
 * Shared setup for the hostile specs of services that read the workforce from the workers service:
 * a seeded workers service, then the service under test (rate limit lifted) pointed at it, so
 * valid-looking input gets past that call.
 */
export async function startWithWorkers(
  name: ServiceName,
  def: (config: ServiceConfig) => ServiceDefinition,
): Promise<{ app: TestApp; workers: TestApp; ds: DataSource }> {
  const workers = await startSeededWorkers({ workers: 30 });
  const base = testConfig(name, { rateLimitPerMinute: 1_000_000 });
  try {
    const app = await startTestApp(def, { ...base, serviceUrls: { ...base.serviceUrls, workers: new URL(workers.baseUrl).origin } });
    return { app, workers, ds: app.app.get(DataSource) };
  } catch (e) {
    await workers.close();
    throw e;
  }
}
