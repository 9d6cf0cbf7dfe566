import 'reflect-metadata';
import { loadConfig, runServiceProcesses } from '@cws/platform';
import { schedulerService } from './scheduler.definition';

void runServiceProcesses(schedulerService(loadConfig('scheduler'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
