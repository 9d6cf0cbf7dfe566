/** The only owner of `training_record` writes (the shortfall report reads it with the register in TrainingShortfallRepository). */
import { insertRows } from '@cws/persistence';
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

const INSERT_RECORD = 'INSERT INTO training_record (class_id, worker_id, result, hours, certificate_no, completed_on)';

const values = (r: NewTrainingRecord): unknown[] => [r.classId, r.workerId, r.result, r.hours, r.certificateNo, r.completedOn];

export class TrainingRecordRepository {
  /** One worker's result in a class (a second one raises the driver's ER_DUP_ENTRY). */
  static async insert(m: EntityManager, r: NewTrainingRecord): Promise<void> {
    await insertRows(m, INSERT_RECORD, [values(r)]);
  }

  /** Many results through the same INSERT, in bounded chunks (the demo seed). */
  static async insertMany(m: EntityManager, records: readonly NewTrainingRecord[]): Promise<void> {
    await insertRows(m, INSERT_RECORD, records.map(values));
  }
}
