import 'reflect-metadata';
import { loadConfig, runServiceProcesses } from '@cws/platform';
import { budgetService } from './budget.definition';

void runServiceProcesses(budgetService(loadConfig('budget'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
