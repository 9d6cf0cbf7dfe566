import { SqlMigration } from '@cws/persistence';

/**
 * A post's end reason holds a withdrawal's whole reason: `撤销选举登记 (election N): ` and up to 300 characters
 * (docs/workers.md "Elections"). At 200 it was cut short on the voided post.
 */
export class AppointmentEndReason1768200000000 extends SqlMigration {
  name = 'AppointmentEndReason1768200000000';
  protected statements = ['ALTER TABLE appointment MODIFY end_reason VARCHAR(400) NULL'];
  // a longer reason written since is cut to fit: the full one stays on the election
  protected undo = ['UPDATE appointment SET end_reason = LEFT(end_reason, 200) WHERE CHAR_LENGTH(end_reason) > 200', 'ALTER TABLE appointment MODIFY end_reason VARCHAR(200) NULL'];
}
