import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FiscalYearStatus = 'OPEN' | 'CLOSED';

@Entity('fiscal_year')
export class FiscalYearEntity {
  @PrimaryColumn({ type: 'int' }) year!: number;
  @Column({ type: 'varchar', length: 10 }) status!: FiscalYearStatus;
  @Column({ name: 'opened_at', type: 'datetime', precision: 3 }) openedAt!: Date;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt!: Date | null;
  @Column({ name: 'closed_by', type: 'varchar', length: 64, nullable: true }) closedBy!: string | null;
}
