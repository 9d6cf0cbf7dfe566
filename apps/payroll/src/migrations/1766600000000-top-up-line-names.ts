import { SqlMigration } from '@cws/persistence';

/**
 * The worker's name on each year-end top-up line (年终补差), as the workforce snapshot had it when
 * the top-up ran: the report lists people by name without a call per line to the workers service.
 * Lines stored before stay NULL (the UI shows the id).
 */
export class TopUpLineNames1766600000000 extends SqlMigration {
  name = 'TopUpLineNames1766600000000';
  protected statements = [
    'ALTER TABLE benchmark_top_up_line ADD COLUMN worker_name VARCHAR(100) NULL AFTER worker_id',
  ];
  protected undo = [
    'ALTER TABLE benchmark_top_up_line DROP COLUMN worker_name',
  ];
}
