import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { conflict, DomainError, luhnValid, neutraliseFormula, notFound, validationError, type Principal } from '@cws/kernel';
import { OutboxService } from '@cws/messaging';
import { PiiCipher, rethrowDuplicate } from '@cws/persistence';
import { AuditService, loadExcel } from '@cws/platform';
import { AppointmentStartedEvent, type ImportCommittedView, type ImportReportView, WorkerCreatedEvent } from '@cws/workers-contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { protectBankAccount, protectResidentId } from '../common/pii';
import { today as serverToday } from '../common/sql';
import { deriveMissingGrades } from '../grades/grade-backfill';
import { GradesService } from '../grades/grades.service';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { CommunityBodyRepository } from '../org/community-body.repository';
import { CommunityRepository } from '../org/community.repository';
import { WorkerEventRepository } from '../workers/worker-event.repository';
import { WorkerRepository } from '../workers/worker.repository';
import { ImportBatchRepository } from './import-batch.repository';
import { readTable } from './sheet-table';
import { assertColumnCount, MAX_ROWS } from './upload-limits';
import {
  BAND_LABELS, BODY_LABELS, COLUMNS, csvLine, EDUCATION_LABELS, EMPLOYMENT_LABELS, HEADER_OF, POLITICAL_LABELS, QUALIFICATION_LABELS,
  STATUS_LABELS, validateRow, type ColumnKey, type ImportRow, type RowIssue,
} from '@cws/workers-core';

/** The row-by-row report (the workers contract). */
export type ImportReport = ImportReportView;


@Injectable()
export class ImportExportService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
    private readonly grades: GradesService,
    private readonly outbox: OutboxService,
  ) {}

  /** Reads the sheet into header-keyed cells with each row's number in the sheet; unknown or missing headers are a file-level 400. */
  async readSheet(fileName: string, buffer: Buffer): Promise<Array<{ row: number; cells: Record<ColumnKey, string> }>> {
    const table = await readTable(fileName, buffer, COLUMNS.length + 5);
    if (!table.length) throw validationError('IMPORT_FILE_EMPTY', 'file', 'has no header row');
    assertColumnCount(Math.max(...table.slice(0, 10).map((r) => r.cells.length)));
    const header = table[0].cells.map((h) => h.trim());
    const index = new Map<ColumnKey, number>();
    for (const c of COLUMNS) {
      const i = header.indexOf(c.header);
      if (i < 0 && c.required) throw validationError('IMPORT_HEADER_MISSING', `file.${c.header}`, `the column “${c.header}” is missing; download the template`);
      if (i >= 0) index.set(c.key, i);
    }
    if (table.length - 1 > MAX_ROWS) throw validationError('IMPORT_TOO_MANY_ROWS', 'file', `has more than ${MAX_ROWS} rows; split it`);
    return table.slice(1).map(({ row, cells: r }) => ({
      row,
      cells: Object.fromEntries(COLUMNS.map((c) => [c.key, (index.has(c.key) ? r[index.get(c.key)!] ?? '' : '').trim()])) as Record<ColumnKey, string>,
    }));
  }

  /** Validates every row (alone, within the file, against the register and the caller's scope) and stages the batch. Writes no worker. */
  async validate(p: Principal, fileName: string, buffer: Buffer): Promise<ImportReport> {
    const cells = await this.readSheet(fileName, buffer);
    const { valid, errors, warnings } = await this.check(p, cells);
    const id = randomUUID();
    const report: ImportReport = {
      id, fileName, status: 'VALIDATED', totalRows: cells.length, validRows: valid.length, invalidRows: cells.length - valid.length, errors, warnings,
    };
    await this.dataSource.transaction(async (m) => {
      // The staged rows hold raw resident IDs and bank accounts: encrypted as a whole.
      await ImportBatchRepository.insert(m, {
        id, fileName: fileName.slice(0, 200), createdBy: p.id, scopeDistrict: p.scope.district ?? null, scopeStreet: p.scope.street ?? null,
        totalRows: report.totalRows, validRows: report.validRows, report: { errors, warnings }, payloadEnc: this.cipher.encrypt(JSON.stringify(valid)),
      });
      await this.audit.record(m, { entity: 'import_batch', entityId: id, action: 'VALIDATE', after: { fileName, totalRows: report.totalRows, validRows: report.validRows }, districtCode: p.scope.district ?? null });
    });
    return report;
  }

  private async check(p: Principal, rows: Array<{ row: number; cells: Record<ColumnKey, string> }>) {
    const errors: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const candidates: Array<ImportRow & { hash: string }> = [];
    const firstRowOf = new Map<string, number>();
    const communities = await this.communitiesInScope(p);
    const today = serverToday();
    for (const { row, cells } of rows) {
      const r = validateRow(row, cells, today);
      errors.push(...r.issues);
      warnings.push(...r.warnings);
      if (r.value && !communities.has(r.value.communityCode)) {
        errors.push({ row, column: HEADER_OF.communityCode, field: 'communityCode', code: 'COMMUNITY_NOT_FOUND', reason: 'no such active community in your scope' });
        continue;
      }
      if (!r.value) continue;
      const hash = this.cipher.hash(r.value.residentId);
      const first = firstRowOf.get(hash);
      if (first !== undefined) {
        errors.push({ row, column: HEADER_OF.residentId, field: 'residentId', code: 'DUPLICATE_IN_FILE', reason: `与第${first}行重复 (same person as row ${first})` });
        continue;
      }
      firstRowOf.set(hash, row);
      candidates.push({ ...r.value, hash });
    }
    const taken = await WorkerRepository.idsByResidentHash(this.dataSource.manager, candidates.map((c) => c.hash));
    const headTaken = await this.headConflicts(candidates);
    const headRowOf = new Map<string, number>();
    const valid: ImportRow[] = [];
    for (const c of candidates) {
      if (taken.has(c.hash)) {
        errors.push({ row: c.row, column: HEADER_OF.residentId, field: 'residentId', code: 'RESIDENT_ID_TAKEN', reason: 'already on the register' });
        continue;
      }
      const a = c.appointment;
      if (a && headTaken.has(c.row)) {
        errors.push({ row: c.row, column: HEADER_OF.role, field: 'role', code: 'BODY_HEAD_TAKEN', reason: `该${BODY_LABELS[a.bodyKind]}在此期间已有正职 (appointment ${headTaken.get(c.row)})` });
        continue;
      }
      if (a?.band === 'HEAD') {
        // All imported posts are open-ended, so two heads of one body in the file always overlap.
        const key = `${c.communityCode}/${a.bodyKind}`;
        const first = headRowOf.get(key);
        if (first !== undefined) {
          errors.push({ row: c.row, column: HEADER_OF.role, field: 'role', code: 'BODY_HEAD_TAKEN', reason: `与第${first}行冲突：一个机构只能有一名正职 (row ${first} heads the same body)` });
          continue;
        }
        headRowOf.set(key, c.row);
      }
      const { hash: _hash, ...value } = c;
      valid.push(value);
    }
    errors.sort((a, b) => a.row - b.row);
    return { valid, errors, warnings };
  }

  private async communitiesInScope(p: Principal): Promise<Map<string, { streetCode: string; districtCode: string }>> {
    const rows = await CommunityRepository.activeInScope(this.dataSource.manager, p.scope);
    return new Map(rows.map((r) => [r.code, r]));
  }

  /**
   * Rows asking for a head post in a body that already has a head on the register in an overlapping
   * period (the imported post runs from its start date with no end): row → the rival appointment id.
   */
  private async headConflicts(rows: ImportRow[], m = this.dataSource.manager): Promise<Map<number, number>> {
    const heads = rows.filter((r) => r.appointment?.band === 'HEAD');
    const out = new Map<number, number>();
    if (!heads.length) return out;
    const codes = [...new Set(heads.map((r) => r.communityCode))];
    const existing = await AppointmentRepository.headsIn(m, codes);
    for (const r of heads) {
      const a = r.appointment!;
      const rival = existing.find((e) => e.communityCode === r.communityCode && e.bodyKind === a.bodyKind && (e.to === null || e.to >= a.from));
      if (rival) out.set(r.row, rival.id);
    }
    return out;
  }

  async report(p: Principal, id: string): Promise<ImportReport> {
    const batch = await this.batchOf(this.dataSource.manager, p, id);
    const { errors, warnings } = batch.report as { errors: RowIssue[]; warnings: RowIssue[] };
    return {
      id, fileName: batch.fileName, status: batch.status, totalRows: batch.totalRows, validRows: batch.validRows,
      invalidRows: batch.totalRows - batch.validRows, errors, warnings,
    };
  }

  private async batchOf(m: EntityManager, p: Principal, id: string, lock = false) {
    // A staged batch belongs to whoever uploaded it: nobody else can see or commit it.
    const batch = await ImportBatchRepository.ofUploader(m, id, p.id, { lock });
    if (!batch) throw notFound('import', id);
    return batch;
  }

  /**
   * Commits a validated batch in one transaction: all rows, or — only when asked — the valid
   * ones. The register is re-checked under the transaction, so a person registered meanwhile
   * fails the whole commit (or is skipped with validOnly).
   */
  async commit(p: Principal, id: string, validOnly: boolean): Promise<ImportCommittedView> {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const batch = await this.batchOf(m, p, id, true);
      if (batch.status !== 'VALIDATED') throw conflict('IMPORT_ALREADY_COMMITTED', `import ${id} was already committed`);
      const invalid = batch.totalRows - batch.validRows;
      if (invalid > 0 && !validOnly) {
        throw new DomainError('UNPROCESSABLE', 'IMPORT_HAS_ERRORS', `${invalid} row(s) are invalid: fix the file, or commit only the valid rows with validOnly=true`, [], { invalidRows: invalid });
      }
      let rows: ImportRow[] = JSON.parse(this.cipher.decrypt(batch.payloadEnc));
      const communities = await this.communitiesInScope(p);
      const hashed = rows.map((r) => ({ r, rid: protectResidentId(this.cipher, r.residentId) }));
      // Lock the bodies the posts go to (by id) before re-checking their heads: a head appointed
      // meanwhile through the API either committed first (and is seen here) or waits for us.
      const postCommunities = [...new Set(rows.filter((r) => r.appointment).map((r) => r.communityCode))];
      const bodies = await CommunityBodyRepository.lockIn(m, postCommunities);
      const bodyId = new Map(bodies.map((b) => [`${b.communityCode}/${b.kind}`, b.id]));
      const headTaken = await this.headConflicts(rows, m);
      const taken = await WorkerRepository.idsByResidentHash(m, hashed.map((h) => h.rid.hash));
      const lost = hashed.filter((h) => taken.has(h.rid.hash) || !communities.has(h.r.communityCode) || headTaken.has(h.r.row)
        || (h.r.appointment && !bodyId.has(`${h.r.communityCode}/${h.r.appointment.bodyKind}`)));
      if (lost.length && !validOnly) {
        throw conflict('IMPORT_STALE', `${lost.length} row(s) are no longer valid (registered meanwhile, community out of reach or the body's head post taken meanwhile); validate the file again`, {
          rows: lost.map((h) => h.r.row),
        });
      }
      const lostSet = new Set(lost);
      const keep = hashed.filter((h) => !lostSet.has(h));
      rows = keep.map((h) => h.r);
      const now = new Date();
      // a rival write (another batch, POST workers) registering one of these IDs after the check above: the unique index
      // refuses it, and the whole commit goes with a 409 rather than a 500
      const ids = await WorkerRepository.insertMany(m, keep.map(({ r, rid }) => {
        const c = communities.get(r.communityCode)!;
        return {
          name: r.name, sex: r.sex, birthDate: r.birthDate, residentId: rid, phone: r.phone, education: r.education, politicalStatus: r.politicalStatus,
          qualificationLevel: r.qualificationLevel, qualificationCert: r.qualificationCert, hireDate: r.hireDate, employmentType: r.employmentType,
          bankAccount: r.bankAccount ? protectBankAccount(this.cipher, r.bankAccount) : null, bankLuhnOk: r.bankAccount ? luhnValid(r.bankAccount) : null,
          communityCode: r.communityCode, streetCode: c.streetCode, districtCode: c.districtCode,
        };
      })).catch((e: unknown) => rethrowDuplicate(e, conflict('IMPORT_STALE', 'a resident ID of this batch was registered meanwhile; validate the file again'), 'uq_worker_resident_id_hash'));
      const created = keep.map(({ r, rid }) => ({ r, id: ids.get(rid.hash)!, masked: rid.masked, c: communities.get(r.communityCode)! }));
      await WorkerEventRepository.addMany(m, created.map((x) => ({ workerId: x.id, kind: 'HIRE', date: x.r.hireDate, note: `批量导入（批次 ${id}）`, data: null })));
      await this.audit.recordMany(m, created.map((x) => ({
        entity: 'worker', entityId: x.id, action: 'IMPORT', districtCode: x.c.districtCode,
        after: { id: x.id, name: x.r.name, residentIdMasked: x.masked, communityCode: x.r.communityCode, hireDate: x.r.hireDate, importId: id },
      })), p);
      await this.outbox.addMany(m, WorkerCreatedEvent, created.map((x) => ({
        workerId: x.id, districtCode: x.c.districtCode, streetCode: x.c.streetCode, communityCode: x.r.communityCode, hireDate: x.r.hireDate,
      })));
      await this.insertPosts(m, p, id, created.filter((x) => x.r.appointment), bodyId);
      // imported workers' grades: derived from the hire date and the imported post (no grade column in the file)
      const importDay = serverToday();
      await deriveMissingGrades(m, importDay, { workerIds: created.map((x) => x.id) });
      // a primary leader post that begins later places the grade in its band from that day, as the appointments API does
      for (const x of created) {
        const a = x.r.appointment;
        if (a?.primary && a.band !== 'OTHER' && a.from > importDay) await this.grades.onPrimaryPost(m, await WorkerRepository.gradeFacts(m, x.id), a.band, a.from);
      }
      await ImportBatchRepository.markCommitted(m, id, now);
      await this.audit.record(m, { entity: 'import_batch', entityId: id, action: 'COMMIT', after: { created: created.length, skipped: batch.totalRows - created.length, validOnly }, districtCode: p.scope.district ?? null });
      return { id, created: created.length, skipped: batch.totalRows - created.length };
    });
  }

  /** The imported posts, written like the appointments API writes them: row, audit, PROMOTION for a primary leader post, appointment.started. */
  private async insertPosts(
    m: EntityManager, p: Principal, importId: string, created: Array<{ r: ImportRow; id: number; c: { streetCode: string; districtCode: string } }>,
    bodyId: Map<string, number>,
  ): Promise<void> {
    if (!created.length) return;
    await AppointmentRepository.insertMany(m, created.map(({ r, id }) => {
      const a = r.appointment!;
      return {
        workerId: id, bodyId: bodyId.get(`${r.communityCode}/${a.bodyKind}`)!, communityCode: r.communityCode, bodyKind: a.bodyKind, role: a.role, band: a.band,
        primary: a.primary, obtainedBy: 'APPOINTMENT', from: a.from, to: null, electionId: null, termEnd: null,
      };
    }));
    // new workers hold exactly this one post
    const postId = await AppointmentRepository.idByWorker(m, created.map((x) => x.id));
    const promoted = created.filter((x) => x.r.appointment!.primary && x.r.appointment!.band !== 'OTHER');
    await WorkerEventRepository.addMany(m, promoted.map((x) => ({
      workerId: x.id, kind: 'PROMOTION', date: x.r.appointment!.from, note: `批量导入（批次 ${importId}）`,
      data: { appointmentId: postId.get(x.id), role: x.r.appointment!.role, bodyKind: x.r.appointment!.bodyKind },
    })));
    await this.audit.recordMany(m, created.map((x) => {
      const a = x.r.appointment!;
      return {
        entity: 'appointment', entityId: postId.get(x.id)!, action: 'IMPORT', districtCode: x.c.districtCode,
        after: { id: postId.get(x.id), workerId: x.id, communityCode: x.r.communityCode, bodyKind: a.bodyKind, role: a.role, band: a.band, isPrimary: a.primary, obtainedBy: 'APPOINTMENT', from: a.from, to: null, importId },
      };
    }), p);
    await this.outbox.addMany(m, AppointmentStartedEvent, created.map((x) => {
      const a = x.r.appointment!;
      return {
        workerId: x.id, districtCode: x.c.districtCode, streetCode: x.c.streetCode, communityCode: x.r.communityCode,
        appointmentId: postId.get(x.id)!, bodyKind: a.bodyKind, role: a.role, primary: a.primary, from: a.from, to: null,
      };
    }));
  }

  async template(format: 'xlsx' | 'csv'): Promise<Buffer> {
    if (format === 'csv') {
      return Buffer.from('\ufeff' + [csvLine(COLUMNS.map((c) => c.header)), csvLine(COLUMNS.map((c) => c.example))].join('\r\n') + '\r\n', 'utf8');
    }
    const wb = new (await loadExcel()).Workbook();
    const ws = wb.addWorksheet('社区工作者');
    ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 18 }));
    ws.getRow(1).font = { bold: true };
    ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.example])));
    // text format keeps IDs and account numbers from turning into numbers in Excel
    for (const key of ['residentId', 'bankAccount', 'communityCode', 'phone']) ws.getColumn(key).numFmt = '@';
    const help = wb.addWorksheet('填写说明');
    help.addRow(['列', '必填', '可选值']);
    const values: Partial<Record<ColumnKey, string>> = {
      education: Object.values(EDUCATION_LABELS).join('、'), politicalStatus: Object.values(POLITICAL_LABELS).join('、'),
      qualificationLevel: Object.values(QUALIFICATION_LABELS).join('、'), employmentType: Object.values(EMPLOYMENT_LABELS).join('、'),
      bodyKind: `${Object.values(BODY_LABELS).join('、')}（与职务同填，可不填）`, role: '党组织：书记、副书记、委员；居委会：主任、副主任、委员；工作站：站长、副站长、工作人员',
      primary: '是、否（空为是）', appointmentFrom: 'YYYY-MM-DD（空为入职日期）',
      hireDate: 'YYYY-MM-DD', residentId: '18位，末位可为X', communityCode: '12位社区代码',
    };
    for (const c of COLUMNS) help.addRow([c.header, c.required ? '是' : '否', values[c.key] ?? '']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Streams the register (masked IDs) as .xlsx, keyset-paged so memory stays flat; the export itself is audited. */
  async export(p: Principal, filter: { district?: string; street?: string; community?: string; status?: string }, out: Writable): Promise<void> {
    await this.audit.record(null, { entity: 'worker', entityId: '*', action: 'EXPORT', after: filter, districtCode: p.scope.district ?? null });
    const wb = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet('社区工作者花名册');
    ws.columns = [
      { header: '编号', key: 'id', width: 10 }, { header: '姓名', key: 'name', width: 12 }, { header: '性别', key: 'sex', width: 6 },
      { header: '出生年份', key: 'birthYear', width: 10 }, { header: '身份证号', key: 'rid', width: 22 }, { header: '手机号', key: 'phone', width: 14 },
      { header: '学历', key: 'education', width: 10 }, { header: '政治面貌', key: 'political', width: 12 }, { header: '社工资格', key: 'qual', width: 16 },
      { header: '入职日期', key: 'hireDate', width: 12 }, { header: '用工类型', key: 'employment', width: 14 }, { header: '状态', key: 'status', width: 10 },
      { header: '岗位类别', key: 'band', width: 8 }, { header: '区县代码', key: 'district', width: 10 }, { header: '街道代码', key: 'street', width: 12 },
      { header: '社区代码', key: 'community', width: 14 }, { header: '社区', key: 'communityName', width: 16 }, { header: '银行账号', key: 'bank', width: 22 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    const today = serverToday(); // the city's date, as every other read of "today" (not UTC's, a day behind before 08:00)
    let after: string | null = null;
    do {
      const page = await WorkerRepository.exportPage(this.dataSource.manager, p.scope, filter, today, after, 5000);
      for (const r of page.items) {
        ws.addRow({
          ...r, id: Number(r.id), sex: r.sex === 'M' ? '男' : '女', education: EDUCATION_LABELS[r.education as keyof typeof EDUCATION_LABELS] ?? r.education,
          political: POLITICAL_LABELS[r.political as keyof typeof POLITICAL_LABELS] ?? r.political,
          qual: QUALIFICATION_LABELS[r.qual as keyof typeof QUALIFICATION_LABELS] ?? r.qual,
          employment: EMPLOYMENT_LABELS[r.employment as keyof typeof EMPLOYMENT_LABELS] ?? r.employment,
          status: STATUS_LABELS[r.status] ?? r.status, band: r.band ? BAND_LABELS[r.band] : '',
          // free text typed by users: a leading = + - @ would run as a formula once edited or saved as CSV
          name: neutraliseFormula(r.name), communityName: neutraliseFormula(r.communityName),
        }).commit();
      }
      after = page.nextAfter;
    } while (after);
    ws.commit();
    await wb.commit();
  }
}
