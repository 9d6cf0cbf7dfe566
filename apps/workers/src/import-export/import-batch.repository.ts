/** The only owner of `import_batch` SQL: a validated upload staged (its rows encrypted as a whole) until it is committed. */
import type { EntityManager } from 'typeorm';

export interface NewImportBatch {
  id: string;
  fileName: string;
  createdBy: string;
  scopeDistrict: string | null;
  scopeStreet: string | null;
  totalRows: number;
  validRows: number;
  /** The validation report (errors and warnings), stored as JSON. */
  report: object;
  /** The valid rows, encrypted. */
  payloadEnc: string;
}

export interface ImportBatch {
  id: string;
  fileName: string;
  status: 'VALIDATED' | 'COMMITTED';
  totalRows: number;
  validRows: number;
  report: unknown;
  payloadEnc: string;
}

export class ImportBatchRepository {
  static async insert(m: EntityManager, b: NewImportBatch): Promise<void> {
    await m.query(
      `INSERT INTO import_batch (id, file_name, created_by, scope_district, scope_street, status, total_rows, valid_rows, report, payload_enc, created_at)
       VALUES (?,?,?,?,?,'VALIDATED',?,?,?,?,?)`,
      [b.id, b.fileName, b.createdBy, b.scopeDistrict, b.scopeStreet, b.totalRows, b.validRows, JSON.stringify(b.report), b.payloadEnc, new Date()],
    );
  }

  /** The batch if `createdBy` uploaded it (a staged batch is its uploader's alone), optionally locked; else null. */
  static async ofUploader(m: EntityManager, id: string, createdBy: string, opts: { lock?: boolean } = {}): Promise<ImportBatch | null> {
    const [b] = await m.query(`SELECT * FROM import_batch WHERE id = ? AND created_by = ?${opts.lock ? ' FOR UPDATE' : ''}`, [id, createdBy]);
    if (!b) return null;
    return {
      id: b.id, fileName: b.file_name, status: b.status, totalRows: Number(b.total_rows), validRows: Number(b.valid_rows),
      report: typeof b.report === 'string' ? JSON.parse(b.report) : b.report, payloadEnc: b.payload_enc,
    };
  }

  static async markCommitted(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query(`UPDATE import_batch SET status = 'COMMITTED', committed_at = ? WHERE id = ?`, [at, id]);
  }
}
