import 'reflect-metadata';
import { loadConfig, runService } from '@cws/platform';
import { workersService } from './workers.definition';

void runService(workersService(loadConfig('workers'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
