import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role, ScopeLevel } from '@cws/kernel';

@Entity('app_user')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Index('uq_user_username', { unique: true })
  @Column({ type: 'varchar', length: 60 }) username!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 100 }) passwordHash!: string;
  @Column({ type: 'json' }) roles!: Role[];
  @Column({ name: 'scope_level', type: 'varchar', length: 10 }) scopeLevel!: ScopeLevel;
  @Column({ name: 'scope_district', type: 'varchar', length: 20, nullable: true }) scopeDistrict!: string | null;
  @Column({ name: 'scope_street', type: 'varchar', length: 20, nullable: true }) scopeStreet!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('api_client')
export class ApiClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Index('uq_api_client_client_id', { unique: true })
  @Column({ name: 'client_id', type: 'varchar', length: 60 }) clientId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ name: 'secret_hash', type: 'varchar', length: 100 }) secretHash!: string;
  @Column({ name: 'scope_level', type: 'varchar', length: 10 }) scopeLevel!: ScopeLevel;
  @Column({ name: 'scope_district', type: 'varchar', length: 20, nullable: true }) scopeDistrict!: string | null;
  @Column({ type: 'json' }) permissions!: string[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  /** The login this token was rotated from (= the access tokens' sid); reuse revokes the whole family. */
  @Index('idx_refresh_token_family')
  @Column({ name: 'family_id', type: 'varchar', length: 36 }) familyId!: string;
  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }) revokedAt!: Date | null;
}
