import 'reflect-metadata';
import { loadConfig, runService } from '@cws/platform';
import { schedulerService } from './scheduler.definition';

void runService(schedulerService(loadConfig('scheduler'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
