/**
 * Migrates every service schema and builds the demo city when it is empty.
 *   node dist/tools/seed/seed.js [--workers 100000] [--password X]
 * Each service seeds its own schema through its own seed function; no service reads another's tables.
 */
import 'reflect-metadata';
import { AuditLogEntity, loadConfig, type ServiceName } from '@cws/platform';
import { dataSourceOptions, migrate, PiiCipher } from '@cws/persistence';
import { DataSource } from 'typeorm';
import { WORKERS_ENTITIES, WORKERS_MIGRATIONS } from '../../apps/workers/src/workers.definition';
import { PAYROLL_ENTITIES, PAYROLL_MIGRATIONS } from '../../apps/payroll/src/payroll.definition';
import { BUDGET_ENTITIES, BUDGET_MIGRATIONS } from '../../apps/budget/src/budget.definition';
import { SCHEDULER_ENTITIES, SCHEDULER_MIGRATIONS } from '../../apps/scheduler/src/scheduler.definition';
import { seedDemo } from './seed-demo';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const schemas: Record<ServiceName, { entities: Function[]; migrations: Function[] }> = {
  workers: { entities: WORKERS_ENTITIES, migrations: WORKERS_MIGRATIONS },
  payroll: { entities: PAYROLL_ENTITIES, migrations: PAYROLL_MIGRATIONS },
  budget: { entities: BUDGET_ENTITIES, migrations: BUDGET_MIGRATIONS },
  scheduler: { entities: SCHEDULER_ENTITIES, migrations: SCHEDULER_MIGRATIONS },
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const workers = Number(arg('workers') ?? process.env.DEMO_WORKERS ?? 0) || undefined;
  const password = arg('password') ?? process.env.DEMO_PASSWORD ?? 'Demo@2026';
  const sources = {} as Record<ServiceName, DataSource>;
  for (const name of Object.keys(schemas) as ServiceName[]) {
    const config = loadConfig(name);
    const entities = [AuditLogEntity, ...schemas[name].entities];
    const ran = await migrate(config, entities, schemas[name].migrations);
    console.log(`[seed] ${name}: schema ${config.database} migrated${ran.length ? ` (${ran.length} new)` : ''}`);
    sources[name] = await new DataSource(dataSourceOptions(config, entities, schemas[name].migrations)).initialize();
  }
  try {
    const config = loadConfig('workers');
    const cipher = new PiiCipher(config.piiKeyId, config.piiKey, config.piiHashKey, config.piiOldKeys);
    const started = Date.now();
    const summary = await seedDemo(sources, cipher, { password, workers });
    console.log(`[seed] ${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await Promise.all(Object.values(sources).map((s) => s.destroy()));
  }
}

main().catch((err) => {
  console.error('[seed] failed:', err);
  process.exit(1);
});
