import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A contribution base HR declared for a worker from a month on (migration 1767800000000). */
@Entity('declared_contribution_base')
@Index('uq_declared_base_worker_month', ['workerId', 'validFrom'], { unique: true })
@Index('idx_declared_base_scope', ['districtCode', 'streetCode', 'id'])
export class DeclaredBaseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'worker_id', type: 'bigint' }) workerId!: string;
  /** YYYY-MM: the first period it applies to; it holds to the end of that contribution year. */
  @Column({ name: 'valid_from', type: 'varchar', length: 7 }) validFrom!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2 }) base!: string;
  @Column({ name: 'housing_fund_base', type: 'decimal', precision: 15, scale: 2, nullable: true }) housingFundBase!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode!: string;
  @Column({ name: 'declared_by', type: 'varchar', length: 64 }) declaredBy!: string;
  @Column({ name: 'declared_by_name', type: 'varchar', length: 100 }) declaredByName!: string;
  @Column({ name: 'declared_at', type: 'datetime', precision: 3 }) declaredAt!: Date;
}
