/**
 * Applies pending migrations to one service's schema, or to all of them:
 *   node dist/tools/seed/migrate.js [workers|payroll|budget|scheduler]
 * Services also migrate at start-up unless RUN_MIGRATIONS=false.
 */
import 'reflect-metadata';
import { loadConfig, type ServiceName } from '@cws/platform';
import { migrate } from '@cws/persistence';
import { SERVICE_SCHEMAS } from './schemas';

async function main(): Promise<void> {
  const wanted = process.argv[2] as ServiceName | undefined;
  if (wanted && !(wanted in SERVICE_SCHEMAS)) throw new Error(`unknown service "${wanted}"`);
  for (const name of wanted ? [wanted] : (Object.keys(SERVICE_SCHEMAS) as ServiceName[])) {
    const config = loadConfig(name, process.env, { secrets: false }); // migrations sign and decrypt nothing
    const ran = await migrate(config, SERVICE_SCHEMAS[name].entities, SERVICE_SCHEMAS[name].migrations);
    console.log(`[migrate] ${name} (${config.database}): ${ran.length ? ran.join(', ') : 'up to date'}`);
  }
}

main().catch((err) => {
  console.error('[migrate] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
