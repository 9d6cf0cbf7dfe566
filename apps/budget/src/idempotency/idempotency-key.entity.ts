import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('idempotency_key')
@Index('idx_idempotency_expires', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'principal_id', type: 'varchar', length: 64 }) principalId!: string;
  @PrimaryColumn({ name: 'idem_key', type: 'varchar', length: 100 }) idemKey!: string;
  @Column({ type: 'varchar', length: 200 }) route!: string;
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash!: string;
  @Column({ type: 'varchar', length: 10 }) status!: 'PENDING' | 'DONE';
  @Column({ type: 'json', nullable: true }) response!: unknown;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
}
