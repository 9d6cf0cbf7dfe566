import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type BenchmarkResultKind = 'CALIBRATION' | 'COMPLIANCE' | 'TOP_UP';

/** A stored benchmark run: what went in (a summary) and what came out, located for scope checks. */
@Entity('benchmark_result')
@Index('idx_benchmark_result_year', ['kind', 'year'])
@Index('idx_benchmark_result_scope', ['districtCode', 'streetCode'])
export class BenchmarkResultEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: BenchmarkResultKind;
  @Column({ type: 'int' }) year!: number;
  /** The org code the run was narrowed to; null = city-wide. */
  @Column({ name: 'scope_code', type: 'varchar', length: 12, nullable: true }) scopeCode!: string | null;
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode!: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 9, nullable: true }) streetCode!: string | null;
  @Column({ name: 'as_of', type: 'date' }) asOf!: string;
  @Column({ type: 'json' }) inputs!: object;
  @Column({ type: 'json' }) result!: object;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** One worker's year-end top-up (年终补差) in a stored top-up run. */
@Entity('benchmark_top_up_line')
@Index('idx_top_up_line_scope', ['resultId', 'districtCode', 'streetCode'])
export class TopUpLineEntity {
  @PrimaryColumn({ name: 'result_id', type: 'bigint' }) resultId!: string;
  @PrimaryColumn({ name: 'worker_id', type: 'bigint' }) workerId!: string;
  @Column({ name: 'worker_name', type: 'varchar', length: 100, nullable: true }) workerName!: string | null;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode!: string;
  @Column({ name: 'community_code', type: 'varchar', length: 12 }) communityCode!: string;
  @Column({ name: 'annual_pay', type: 'decimal', precision: 15, scale: 2 }) annualPay!: string;
  @Column({ name: 'top_up', type: 'decimal', precision: 15, scale: 2 }) topUp!: string;
}
