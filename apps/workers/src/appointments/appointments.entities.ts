import type { AppointmentRole, BodyKind, ObtainedBy, PostBand } from '@cws/workers-contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Worker × body × role, effective-dated; ended, never deleted. */
@Entity('appointment')
@Index('idx_appointment_worker', ['workerId', 'startDate'])
@Index('idx_appointment_body', ['bodyId', 'band', 'startDate'])
@Index('idx_appointment_community', ['communityCode', 'startDate'])
export class AppointmentEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id!: number;
  @Column({ name: 'worker_id', type: 'int', unsigned: true }) workerId!: number;
  @Column({ name: 'body_id', type: 'int' }) bodyId!: number;
  @Column({ name: 'community_code', type: 'varchar', length: 20 }) communityCode!: string;
  @Column({ name: 'body_kind', type: 'varchar', length: 12 }) bodyKind!: BodyKind;
  @Column({ type: 'varchar', length: 24 }) role!: AppointmentRole;
  @Column({ type: 'varchar', length: 8 }) band!: PostBand;
  @Column({ name: 'is_primary', type: 'boolean', default: false }) isPrimary!: boolean;
  @Column({ name: 'obtained_by', type: 'varchar', length: 12 }) obtainedBy!: ObtainedBy;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Column({ name: 'end_reason', type: 'varchar', length: 400, nullable: true }) endReason!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
