import 'reflect-metadata';
import { loadConfig, runService } from '@cws/platform';
import { payrollService } from './payroll.definition';

void runService(payrollService(loadConfig('payroll'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
