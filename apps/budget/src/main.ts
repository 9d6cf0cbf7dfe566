import 'reflect-metadata';
import { loadConfig, runService } from '@cws/platform';
import { budgetService } from './budget.definition';

void runService(budgetService(loadConfig('budget'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
