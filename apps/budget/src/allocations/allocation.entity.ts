import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Part of an appropriation given to a street or a community. Its running columns (amount after
 * transfers, committed, spent) are the row that postings lock; the ledger is the record.
 */
@Entity('allocation')
@Index('idx_allocation_account', ['fiscalYear', 'funder', 'stream', 'communityCode'])
@Index('idx_allocation_scope', ['districtCode', 'streetCode'])
@Index('idx_allocation_appropriation', ['appropriationId'])
export class AllocationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'appropriation_id', type: 'bigint' }) appropriationId!: string;
  @Column({ name: 'fiscal_year', type: 'int' }) fiscalYear!: number;
  @Column({ type: 'varchar', length: 6 }) funder!: string;
  @Column({ type: 'varchar', length: 24 }) stream!: string;
  @Column({ name: 'target_level', type: 'varchar', length: 10 }) targetLevel!: 'STREET' | 'COMMUNITY';
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode!: string;
  @Column({ name: 'community_code', type: 'varchar', length: 12, nullable: true }) communityCode!: string | null;
  @Column({ name: 'target_name', type: 'varchar', length: 100, nullable: true }) targetName!: string | null;
  @Column({ name: 'initial_amount', type: 'decimal', precision: 15, scale: 2 }) initialAmount!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2 }) amount!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2 }) committed!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2 }) spent!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
