import 'reflect-metadata';
import { loadConfig, runServiceProcesses } from '@cws/platform';
import { workersService } from './workers.definition';

void runServiceProcesses(workersService(loadConfig('workers'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
