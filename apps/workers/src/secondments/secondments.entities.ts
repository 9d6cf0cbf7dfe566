import type { SecondmentDirection, SecondmentPayer } from '@cws/workers-contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 挂职. OUT: a community worker serves in `organisation` (a street or district office).
 * IN: a cadre from `organisation` serves in `communityCode` (the worker's register community).
 */
@Entity('secondment')
@Index('idx_secondment_worker', ['workerId', 'startDate'])
export class SecondmentEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id!: number;
  @Column({ name: 'worker_id', type: 'int', unsigned: true }) workerId!: number;
  @Column({ type: 'varchar', length: 3 }) direction!: SecondmentDirection;
  @Column({ type: 'varchar', length: 100 }) organisation!: string;
  @Column({ name: 'community_code', type: 'varchar', length: 20 }) communityCode!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Column({ type: 'varchar', length: 4 }) payer!: SecondmentPayer;
  @Column({ type: 'varchar', length: 10 }) status!: 'ACTIVE' | 'ENDED' | 'CANCELLED';
  @Column({ type: 'varchar', length: 300, nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  /** When `secondment.started` was put in the outbox (at creation if it has begun, else by the nightly status calendar). */
  @Column({ name: 'started_notified_at', type: 'datetime', precision: 3, nullable: true }) startedNotifiedAt!: Date | null;
  /** When `secondment.ended` was put in the outbox (once the end date has passed). */
  @Column({ name: 'ended_notified_at', type: 'datetime', precision: 3, nullable: true }) endedNotifiedAt!: Date | null;
}
