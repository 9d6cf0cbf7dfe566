import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('district')
export class DistrictEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code!: string;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'varchar', length: 20, default: 'DISTRICT' }) kind!: 'DISTRICT' | 'COUNTY_CITY';
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'int', default: 1 }) version!: number;
}

@Entity('street')
@Index('idx_street_district', ['districtCode'])
export class StreetEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code!: string;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ name: 'district_code', type: 'varchar', length: 20 }) districtCode!: string;
  @Column({ type: 'varchar', length: 10, default: 'STREET' }) kind!: 'STREET' | 'TOWN';
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'int', default: 1 }) version!: number;
}

@Entity('community')
@Index('idx_community_street', ['streetCode'])
@Index('idx_community_district', ['districtCode'])
export class CommunityEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code!: string;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 20 }) streetCode!: string;
  @Column({ name: 'district_code', type: 'varchar', length: 20 }) districtCode!: string;
  @Column({ type: 'int', default: 0 }) households!: number;
  @Column({ type: 'int', default: 0 }) population!: number;
  /** Square metres, two decimals, as strings (exact). */
  @Column({ name: 'floor_area', type: 'decimal', precision: 10, scale: 2, default: '0.00' }) floorArea!: string;
  @Column({ name: 'activity_area', type: 'decimal', precision: 10, scale: 2, default: '0.00' }) activityArea!: string;
  @Column({ type: 'json', nullable: true }) facilities!: string[] | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'int', default: 1 }) version!: number;
}

export const BODY_KINDS = ['PARTY', 'COMMITTEE', 'STATION'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** One of a community's three bodies (三位一体). */
@Entity('community_body')
@Index('uq_body_community_kind', ['communityCode', 'kind'], { unique: true })
export class CommunityBodyEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'community_code', type: 'varchar', length: 20 }) communityCode!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: BodyKind;
  @Column({ type: 'varchar', length: 80 }) name!: string;
}
