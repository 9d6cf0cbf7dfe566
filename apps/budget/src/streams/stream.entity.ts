import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A funding stream; names are data (seeded by migration, shown in the UI's language). */
@Entity('budget_stream')
export class StreamEntity {
  @PrimaryColumn({ type: 'varchar', length: 24 }) code!: string;
  @Column({ name: 'name_zh', type: 'varchar', length: 60 }) nameZh!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 100 }) nameEn!: string;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder!: number;
  /** False for TRAINING, which is a city/district fund rather than a per-community stream. */
  @Column({ name: 'community_stream', type: 'boolean' }) communityStream!: boolean;
}
