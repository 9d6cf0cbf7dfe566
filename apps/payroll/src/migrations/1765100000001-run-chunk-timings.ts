import { SqlMigration } from '@cws/persistence';

/**
 * Where a chunk's time went: computing its slips and writing them (the upsert transaction). The
 * benchmark compares the write rate with a raw multi-row INSERT of the same rows; operators see
 * which part of a slow run is slow.
 */
export class RunChunkTimings1765100000001 extends SqlMigration {
  name = 'RunChunkTimings1765100000001';
  protected statements = [
    'ALTER TABLE payroll_run_chunk ADD COLUMN compute_ms INT NOT NULL DEFAULT 0, ADD COLUMN persist_ms INT NOT NULL DEFAULT 0',
  ];
  protected undo = [
    'ALTER TABLE payroll_run_chunk DROP COLUMN compute_ms, DROP COLUMN persist_ms',
  ];
}
