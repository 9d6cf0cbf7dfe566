import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PolicyKind } from '@cws/payroll-contracts';

/**
 * One effective-dated policy row. Rows are never overwritten: an edit closes the open row
 * (valid_to) and inserts its successor, both audited in the same transaction. The generated
 * `open_key` column (not mapped here) keeps at most one open row per (kind, key).
 */
@Entity('policy_row')
@Index('idx_policy_row_lookup', ['kind', 'validFrom', 'validTo'])
export class PolicyRowEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 30 }) kind!: PolicyKind;
  @Column({ name: 'row_key', type: 'varchar', length: 80 }) key!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @Column({ type: 'json' }) data!: object;
  @Column({ name: 'source_ref', type: 'varchar', length: 500 }) sourceRef!: string;
  @Column({ name: 'superseded_by', type: 'bigint', nullable: true }) supersededBy!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** The unique index on the generated `open_key`: at most one open row per (kind, key). */
export const OPEN_POLICY_ROW_KEY = 'uq_policy_row_open';
