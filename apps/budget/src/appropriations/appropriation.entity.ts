import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AppropriationKind = 'ORIGINAL' | 'SUPPLEMENTARY';
export type AppropriationStatus = 'DRAFT' | 'ENACTED';

/** Money a funder (the city or a district) appropriates to a stream for a year, by an enacting document. */
@Entity('appropriation')
@Index('idx_appropriation_account', ['fiscalYear', 'funder', 'stream'])
@Index('idx_appropriation_district', ['districtCode'])
export class AppropriationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'fiscal_year', type: 'int' }) fiscalYear!: number;
  @Column({ type: 'varchar', length: 6 }) funder!: string;
  /** The funder's district; null for city money (visible to city scope only). */
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode!: string | null;
  @Column({ type: 'varchar', length: 24 }) stream!: string;
  @Column({ type: 'varchar', length: 14 }) kind!: AppropriationKind;
  @Column({ type: 'decimal', precision: 15, scale: 2 }) amount!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2 }) allocated!: string;
  @Column({ name: 'document_no', type: 'varchar', length: 100 }) documentNo!: string;
  @Column({ name: 'document_date', type: 'date' }) documentDate!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 10 }) status!: AppropriationStatus;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'enacted_by', type: 'varchar', length: 64, nullable: true }) enactedBy!: string | null;
  @Column({ name: 'enacted_by_name', type: 'varchar', length: 100, nullable: true }) enactedByName!: string | null;
  @Column({ name: 'enacted_at', type: 'datetime', precision: 3, nullable: true }) enactedAt!: Date | null;
}
