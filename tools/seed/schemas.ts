import { withPlatformEntities, type ServiceName } from '@cws/platform';
import { WORKERS_ENTITIES, WORKERS_MIGRATIONS } from '../../apps/workers/src/workers.definition';
import { PAYROLL_ENTITIES, PAYROLL_MIGRATIONS } from '../../apps/payroll/src/payroll.definition';
import { BUDGET_ENTITIES, BUDGET_MIGRATIONS } from '../../apps/budget/src/budget.definition';
import { SCHEDULER_ENTITIES, SCHEDULER_MIGRATIONS } from '../../apps/scheduler/src/scheduler.definition';

/** Each service's entity (with the platform's) and migration lists, for tools that work on every schema. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SERVICE_SCHEMAS: Record<ServiceName, { entities: Function[]; migrations: Function[] }> = {
  workers: { entities: withPlatformEntities(WORKERS_ENTITIES), migrations: WORKERS_MIGRATIONS },
  payroll: { entities: withPlatformEntities(PAYROLL_ENTITIES), migrations: PAYROLL_MIGRATIONS },
  budget: { entities: withPlatformEntities(BUDGET_ENTITIES), migrations: BUDGET_MIGRATIONS },
  scheduler: { entities: withPlatformEntities(SCHEDULER_ENTITIES), migrations: SCHEDULER_MIGRATIONS },
};
