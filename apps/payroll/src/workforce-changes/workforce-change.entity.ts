import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change event received from the workers service (`workers-events`), recorded once. */
@Entity('workforce_change')
@Index('uq_workforce_change_event', ['eventKey'], { unique: true })
@Index('idx_workforce_change_worker', ['workerId', 'id'])
@Index('idx_workforce_change_scope', ['districtCode', 'streetCode', 'id'])
@Index('idx_workforce_change_received', ['receivedAt', 'id'])
export class WorkforceChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  /** The inbox key: `workers-events:outbox:<outbox id>` (or `…:job:<job id>` without one). */
  @Column({ name: 'event_key', type: 'varchar', length: 191 }) eventKey!: string;
  @Column({ name: 'event_name', type: 'varchar', length: 80 }) eventName!: string;
  @Column({ name: 'worker_id', type: 'bigint' }) workerId!: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode!: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 9, nullable: true }) streetCode!: string | null;
  @Column({ name: 'community_code', type: 'varchar', length: 12, nullable: true }) communityCode!: string | null;
  /** The date the change takes effect, when the event carries one (hire, leaving, post or secondment dates). */
  @Column({ name: 'effective_date', type: 'date', nullable: true }) effectiveDate!: string | null;
  /** The event payload as received (ids and org codes, never personal data). */
  @Column({ type: 'json' }) payload!: object;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt!: Date;
}
