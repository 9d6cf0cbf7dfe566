import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PostingKind } from '@cws/budget-core';

/** A commitment, expenditure, reversal or transfer against an allocation. Never edited or deleted. */
@Entity('posting')
@Index('uq_posting_external', ['externalKey'], { unique: true })
@Index('uq_posting_reverses', ['reversesId'], { unique: true })
@Index('idx_posting_allocation', ['allocationId'])
@Index('idx_posting_scope', ['districtCode', 'streetCode'])
@Index('idx_posting_commitment', ['commitmentId'])
export class PostingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: PostingKind;
  @Column({ name: 'allocation_id', type: 'bigint' }) allocationId!: string;
  @Column({ name: 'counter_allocation_id', type: 'bigint', nullable: true }) counterAllocationId!: string | null;
  @Column({ name: 'fiscal_year', type: 'int' }) fiscalYear!: number;
  @Column({ type: 'varchar', length: 6 }) funder!: string;
  @Column({ type: 'varchar', length: 24 }) stream!: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode!: string;
  @Column({ name: 'community_code', type: 'varchar', length: 12, nullable: true }) communityCode!: string | null;
  @Column({ type: 'decimal', precision: 15, scale: 2 }) amount!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) category!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @Column({ type: 'varchar', length: 12 }) source!: string;
  @Column({ name: 'source_ref', type: 'varchar', length: 100, nullable: true }) sourceRef!: string | null;
  @Column({ name: 'external_key', type: 'varchar', length: 140, nullable: true }) externalKey!: string | null;
  @Column({ name: 'commitment_id', type: 'bigint', nullable: true }) commitmentId!: string | null;
  /** For a commitment: how much expenditures have drawn from it. For an expenditure: how much it drew from its commitment. */
  @Column({ type: 'decimal', precision: 15, scale: 2 }) settled!: string;
  @Column({ name: 'reverses_id', type: 'bigint', nullable: true }) reversesId!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
  @Column({ name: 'task_ref', type: 'varchar', length: 100, nullable: true }) taskRef!: string | null;
  @Column({ name: 'override_reason', type: 'varchar', length: 500, nullable: true }) overrideReason!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
