import type {
  CareerEventKind, Education, EmploymentType, PoliticalStatus, QualificationLevel, WorkerStatus,
} from '@cws/workers-contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A community worker. Resident ID and bank account are stored only encrypted, hashed and masked. */
@Entity('worker')
@Index('uq_worker_resident_id_hash', ['residentIdHash'], { unique: true })
@Index('idx_worker_community', ['communityCode', 'id'])
@Index('idx_worker_street', ['streetCode', 'id'])
@Index('idx_worker_district', ['districtCode', 'id'])
export class WorkerEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id!: number;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'char', length: 1 }) sex!: 'M' | 'F';
  @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
  @Column({ name: 'resident_id_enc', type: 'varchar', length: 160 }) residentIdEnc!: string;
  @Column({ name: 'resident_id_hash', type: 'char', length: 64 }) residentIdHash!: string;
  @Column({ name: 'resident_id_masked', type: 'varchar', length: 18 }) residentIdMasked!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', length: 20 }) education!: Education;
  @Column({ name: 'political_status', type: 'varchar', length: 20 }) politicalStatus!: PoliticalStatus;
  @Column({ name: 'qualification_level', type: 'varchar', length: 20 }) qualificationLevel!: QualificationLevel;
  @Column({ name: 'qualification_cert', type: 'varchar', length: 40, nullable: true }) qualificationCert!: string | null;
  @Column({ name: 'hire_date', type: 'date' }) hireDate!: string;
  @Column({ name: 'employment_type', type: 'varchar', length: 12 }) employmentType!: EmploymentType;
  @Column({ type: 'varchar', length: 12 }) status!: WorkerStatus;
  @Column({ name: 'left_date', type: 'date', nullable: true }) leftDate!: string | null;
  @Column({ name: 'left_reason', type: 'varchar', length: 200, nullable: true }) leftReason!: string | null;
  @Column({ name: 'bank_account_enc', type: 'varchar', length: 160, nullable: true }) bankAccountEnc!: string | null;
  @Column({ name: 'bank_account_hash', type: 'char', length: 64, nullable: true }) bankAccountHash!: string | null;
  @Column({ name: 'bank_account_masked', type: 'varchar', length: 19, nullable: true }) bankAccountMasked!: string | null;
  @Column({ name: 'bank_luhn_ok', type: 'boolean', nullable: true }) bankLuhnOk!: boolean | null;
  @Column({ name: 'community_code', type: 'varchar', length: 20 }) communityCode!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 20 }) streetCode!: string;
  @Column({ name: 'district_code', type: 'varchar', length: 20 }) districtCode!: string;
  /** The day the current place began (a transfer's); null = since hire. Earlier places: `worker_place_history`. */
  @Column({ name: 'place_since', type: 'date', nullable: true }) placeSince!: string | null;
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** A career event: hire, grade change, promotion, commendation, leave, return, leaving, transfer. */
@Entity('worker_event')
@Index('idx_worker_event_worker', ['workerId', 'eventDate'])
export class WorkerEventEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id!: number;
  @Column({ name: 'worker_id', type: 'int', unsigned: true }) workerId!: number;
  @Column({ type: 'varchar', length: 20 }) kind!: CareerEventKind;
  @Column({ name: 'event_date', type: 'date' }) eventDate!: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) note!: string | null;
  @Column({ type: 'json', nullable: true }) data!: object | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/**
 * A leave period: [startDate, returnDate) — the return date is the first day back (null: open).
 * The nightly status calendar moves the status on both dates; `*_applied` mark what it has done.
 */
@Entity('worker_leave')
@Index('idx_worker_leave_worker', ['workerId', 'startDate'])
export class WorkerLeaveEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true }) id!: number;
  @Column({ name: 'worker_id', type: 'int', unsigned: true }) workerId!: number;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'return_date', type: 'date', nullable: true }) returnDate!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) note!: string | null;
  @Column({ name: 'start_applied', type: 'boolean', default: false }) startApplied!: boolean;
  @Column({ name: 'return_applied', type: 'boolean', default: false }) returnApplied!: boolean;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
