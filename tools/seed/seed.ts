/**
 * Migrates every service schema and builds the demo city when it is empty.
 *   node dist/tools/seed/seed.js [--workers 100000] [--password X]
 * Each service seeds its own schema through its own seed function; no service reads another's tables.
 */
import 'reflect-metadata';
import { loadConfig, type ServiceName } from '@cws/platform';
import { dataSourceOptions, migrate, PiiCipher } from '@cws/persistence';
import { DataSource } from 'typeorm';
import { SERVICE_SCHEMAS as schemas } from './schemas';
import { seedDemo } from './seed-demo';

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
    const { entities } = schemas[name];
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
