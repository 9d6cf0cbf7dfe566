import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Households per community: data the budget service keeps itself (fed by the API or the seed). */
@Entity('household_count')
@Index('idx_household_scope', ['districtCode', 'streetCode'])
export class HouseholdCountEntity {
  @PrimaryColumn({ name: 'community_code', type: 'varchar', length: 12 }) communityCode!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode!: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode!: string;
  @Column({ name: 'community_name', type: 'varchar', length: 100, nullable: true }) communityName!: string | null;
  @Column({ type: 'int' }) households!: number;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** The least funding per household a community should receive from a stream in a year. */
@Entity('funding_standard')
export class FundingStandardEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' }) fiscalYear!: number;
  @PrimaryColumn({ type: 'varchar', length: 24 }) stream!: string;
  @Column({ name: 'per_household', type: 'decimal', precision: 15, scale: 2 }) perHousehold!: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
