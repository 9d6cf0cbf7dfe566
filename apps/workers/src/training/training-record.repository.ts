/** The only owner of `training_record` writes (the shortfall report reads it with the register in TrainingShortfallRepository). */
import type { EntityManager } from 'typeorm';

export interface NewTrainingRecord {
  classId: number;
  workerId: number;
  result: string;
  /** Earned hours, one decimal. */
  hours: string;
  certificateNo: string | null;
  completedOn: string;
}

export class TrainingRecordRepository {
  /** One worker's result in a class (a second one raises the driver's ER_DUP_ENTRY). */
  static async insert(m: EntityManager, r: NewTrainingRecord): Promise<void> {
    await m.query(
      'INSERT INTO training_record (class_id, worker_id, result, hours, certificate_no, completed_on) VALUES (?,?,?,?,?,?)',
      [r.classId, r.workerId, r.result, r.hours, r.certificateNo, r.completedOn],
    );
  }
}
