import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One money movement, as signed deltas on the four measures of the account
 * (fiscal year, funder, stream, community). Append-only: triggers refuse UPDATE and DELETE.
 */
@Entity('ledger_entry')
@Index('idx_ledger_account', ['fiscalYear', 'funder', 'stream', 'communityCode'])
@Index('idx_ledger_district', ['districtCode', 'id'])
@Index('idx_ledger_allocation', ['allocationId'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'fiscal_year', type: 'int' }) fiscalYear!: number;
  @Column({ type: 'varchar', length: 6 }) funder!: string;
  @Column({ type: 'varchar', length: 24 }) stream!: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode!: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 9, nullable: true }) streetCode!: string | null;
  @Column({ name: 'community_code', type: 'varchar', length: 12, nullable: true }) communityCode!: string | null;
  @Column({ name: 'entry_type', type: 'varchar', length: 14 }) entryType!: string;
  @Column({ name: 'appropriation_id', type: 'bigint', nullable: true }) appropriationId!: string | null;
  @Column({ name: 'allocation_id', type: 'bigint', nullable: true }) allocationId!: string | null;
  @Column({ name: 'posting_id', type: 'bigint', nullable: true }) postingId!: string | null;
  @Column({ name: 'd_appropriated', type: 'decimal', precision: 15, scale: 2 }) dAppropriated!: string;
  @Column({ name: 'd_allocated', type: 'decimal', precision: 15, scale: 2 }) dAllocated!: string;
  @Column({ name: 'd_committed', type: 'decimal', precision: 15, scale: 2 }) dCommitted!: string;
  @Column({ name: 'd_spent', type: 'decimal', precision: 15, scale: 2 }) dSpent!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) memo!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
