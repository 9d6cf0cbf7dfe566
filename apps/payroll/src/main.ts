import 'reflect-metadata';
import { loadConfig, runServiceProcesses } from '@cws/platform';
import { payrollService } from './payroll.definition';

void runServiceProcesses(payrollService(loadConfig('payroll'))).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
