import type { UnmatchedReason } from '@cws/budget-contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// the reasons are listed once, in the contract the API answers
export type { UnmatchedReason } from '@cws/budget-contracts';

/** A queue posting that could not be booked; kept for a person to resolve, never retried forever. */
@Entity('unmatched_posting')
@Index('uq_unmatched_external', ['externalKey'], { unique: true })
@Index('idx_unmatched_scope', ['districtCode', 'streetCode'])
export class UnmatchedPostingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'external_key', type: 'varchar', length: 140 }) externalKey!: string;
  @Column({ type: 'varchar', length: 12 }) source!: string;
  @Column({ name: 'source_ref', type: 'varchar', length: 100 }) sourceRef!: string;
  @Column({ type: 'varchar', length: 30 }) reason!: UnmatchedReason;
  @Column({ name: 'fiscal_year', type: 'int', nullable: true }) fiscalYear!: number | null;
  @Column({ type: 'varchar', length: 6, nullable: true }) funder!: string | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) stream!: string | null;
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode!: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 9, nullable: true }) streetCode!: string | null;
  @Column({ name: 'community_code', type: 'varchar', length: 12, nullable: true }) communityCode!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) amount!: string | null;
  @Column({ type: 'json' }) payload!: object;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt!: Date;
  @Column({ name: 'resolved_posting_id', type: 'bigint', nullable: true }) resolvedPostingId!: string | null;
  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true }) resolvedAt!: Date | null;
}
